"""Answer scales that several questions share, so they read (and translate) the same."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from .model import Option

YES_NO_UNSURE: tuple[Option, ...] = (
    Option("yes", _l("Yes")),
    Option("no", _l("No")),
    Option("unsure", _l("I am not sure")),
)

YES_PARTLY_NO_UNSURE: tuple[Option, ...] = (
    Option("yes", _l("Yes")),
    Option("partly", _l("Partly")),
    Option("no", _l("No")),
    Option("unsure", _l("I am not sure")),
)
