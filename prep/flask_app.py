"""The Flask class the app runs on: Flask itself, minus a check it repeats on every call.

Flask asks ``inspect.iscoroutinefunction`` about the view and about every hook, on every
request, to run ``async def`` functions too. Our functions do not change while the app
runs, so the answer is kept per function.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Flask


class App(Flask):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._sync: dict[Callable[..., Any], Callable[..., Any]] = {}

    def ensure_sync(self, func: Callable[..., Any]) -> Callable[..., Any]:
        try:
            return self._sync[func]
        except KeyError:
            pass
        except TypeError:  # an unhashable callable: ask each time, as Flask does
            return super().ensure_sync(func)
        made = self._sync[func] = super().ensure_sync(func)
        return made
