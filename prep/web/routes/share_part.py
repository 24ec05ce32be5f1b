"""A link for one recipient that shows only the parts the person chooses, in three steps
that work without script: who it is for, what it shows (preselected by the person's own
consent answers) and for how long, then a preview of what the recipient will see."""

from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, request, url_for
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response
from wtforms import HiddenField, RadioField, SelectMultipleField, StringField

from ...keeping.drafts import Conflict, Draft, Gone
from ...keeping.store import StoreError
from ...outputs.summary import build as build_summary
from ...questionnaire import sections
from ...questionnaire.definition import QUESTIONNAIRE as Q
from ...questionnaire.model import clean_text
from .. import browser_draft, messages
from ..extensions import create_limit, limiter
from ..forms import keeps_text_when_token_refused, token_refused
from ..i18n import current_language
from ..sharing import LIFETIMES, invitee_choices, part_choices, recipient_name

bp = Blueprint("share_part", __name__)
_SOMEONE_ELSE = "name"


class RecipientForm(FlaskForm):
    recipient = RadioField(validate_choice=False)
    name = StringField()


class PartsForm(FlaskForm):
    recipient = HiddenField()
    parts = SelectMultipleField(validate_choice=False)
    days = RadioField(validate_choice=False)


def _recipient(draft: Draft, chosen: str | None, name: str | None) -> str | None:
    """The recipient as stored, if it is one the person may choose."""
    if chosen == _SOMEONE_ELSE:
        chosen = f"name:{clean_text(name)}"
    if chosen and chosen.startswith("name:"):
        written = clean_text(chosen[5:])[:60]
        return f"name:{written}" if written else None
    return chosen if chosen in dict(invitee_choices(draft.answers)) else None


def _lifetimes() -> list[int]:
    longest = int(current_app.config["SHARE_LINK_DAYS"])
    return [days for days in LIFETIMES if days < longest] + [longest]


@bp.route("/links/new", methods=["GET", "POST"])
@keeps_text_when_token_refused
def who() -> str | tuple[str, int]:
    draft = browser_draft.draft_or_start()
    form, problem = RecipientForm(), None
    if token_refused():
        problem = messages.press_again()
    elif form.is_submitted():
        recipient = _recipient(draft, form.recipient.data, form.name.data)
        if recipient is not None:
            invitee = recipient.partition(":")[2] if recipient.startswith("invitee:") else None
            return _parts_page(draft, recipient, sections.preselected(Q, draft.answers, invitee),
                               _lifetimes()[-1])
        problem = (messages.write_a_name() if form.recipient.data == _SOMEONE_ELSE
                   else messages.choose_recipient())
    return render_template("link_who.html", form=form, problem=problem,
                           choices=invitee_choices(draft.answers)), (400 if problem else 200)


def _parts_page(draft: Draft, recipient: str, parts: list[str], days: int,
                problem: str | None = None) -> tuple[str, int]:
    return render_template(
        "link_parts.html", recipient=recipient, name=recipient_name(recipient), parts=parts,
        days=days, choices=part_choices(draft.answers), lifetimes=_lifetimes(),
        problem=problem), (400 if problem else 200)


def _read(draft: Draft, form: PartsForm) -> tuple[str | None, list[str], int | None]:
    """What the parts form holds, checked: the recipient, the parts, the days."""
    recipient = _recipient(draft, form.recipient.data, None)
    known = {part for part, _name in part_choices(draft.answers)}
    parts = [part for part in form.parts.data or [] if part in known]
    days = int(form.days.data) if (form.days.data or "").isdigit() else None
    return recipient, parts, days if days in _lifetimes() else None


def _press_again(draft: Draft, recipient: str | None, chosen: list[str],
                 days: int | None) -> tuple[str, int]:
    """The form was open too long: nothing was done; the same choices, to press again."""
    if recipient is None:
        return render_template("link_who.html", form=RecipientForm(),
                               problem=messages.press_again(),
                               choices=invitee_choices(draft.answers)), 400
    return _parts_page(draft, recipient, chosen, days or _lifetimes()[-1],
                       messages.press_again())


@bp.post("/links/new/parts")
@keeps_text_when_token_refused
def parts() -> str | tuple[str, int] | Response:
    """The parts page posted: to the preview, or (from the preview) back to change."""
    draft = browser_draft.draft_or_start()
    form = PartsForm()
    recipient, chosen, days = _read(draft, form)
    if token_refused():
        return _press_again(draft, recipient, chosen, days)
    if recipient is None:
        return redirect(url_for("share_part.who"))
    if request.form.get("change"):
        return _parts_page(draft, recipient, chosen, days or _lifetimes()[-1])
    if not chosen or days is None:
        return _parts_page(draft, recipient, chosen, days or _lifetimes()[-1],
                           messages.choose_a_part() if not chosen else messages.choose_days())
    preview = build_summary(Q, sections.answers_for(Q, draft.answers, chosen),
                            written_in=current_language())
    return render_template("link_preview.html", recipient=recipient,
                           name=recipient_name(recipient), parts=chosen, days=days,
                           summary=preview), 200


@bp.post("/links/new/make")
@limiter.shared_limit(create_limit, scope="link-making")
@keeps_text_when_token_refused
def make() -> str | tuple[str, int] | Response:
    draft = browser_draft.draft_or_start()
    recipient, chosen, days = _read(draft, PartsForm())
    if token_refused():
        return _press_again(draft, recipient, chosen, days)
    if recipient is None or not chosen or days is None:
        return redirect(url_for("share_part.who"))
    try:
        browser_draft.make_link(draft, "share", recipient, chosen, days)
    except Gone:
        return redirect(url_for("handover.deleted"))
    except (StoreError, Conflict):
        return _parts_page(draft, recipient, chosen, days, messages.not_done())
    return redirect(url_for("handover.done", _anchor="shared-links"))

