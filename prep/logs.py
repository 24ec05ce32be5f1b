"""Logging that never holds a link token or an answer.

Request lines from the development server and gunicorn's access log include the path, and
share and resume paths carry a token: it is replaced before any handler sees it.
"""

from __future__ import annotations

import logging
import re

from flask import Flask

_LINK_PATH = re.compile(r"/(s|r)/[^\s/?\"']+")


class RedactLinkTokens(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if _LINK_PATH.search(message):
            record.msg = _LINK_PATH.sub(r"/\1/[token]", message)
            record.args = ()
        return True


_FILTER = RedactLinkTokens()


def init_app(app: Flask) -> None:
    for name in ("werkzeug", "gunicorn.access", "gunicorn.error", app.logger.name):
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
