"""Structured logs that never hold a link token, an answer or (unless asked) an IP address.

Each request is logged as one JSON line with its route pattern (``/s/<token>``, never the
path itself), status and duration. Request lines from the development server and gunicorn's
access log carry the path, so a filter replaces share and resume tokens in them too.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time

from flask import Flask, Response, current_app, g, request

_LINK_PATH = re.compile(r"/(s|r)/[^\s/?\"']+")
log = logging.getLogger("prep.requests")


class RedactLinkTokens(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if _LINK_PATH.search(message):
            record.msg = _LINK_PATH.sub(r"/\1/[token]", message)
            record.args = ()
        return True


class JsonFormatter(logging.Formatter):
    # One encoder for every line: json.dumps with options builds a new one per call.
    _encode = json.JSONEncoder(ensure_ascii=False).encode
    _second: tuple[int, str] = (-1, "")

    def format(self, record: logging.LogRecord) -> str:
        entry = {"time": self._time(record), "level": record.levelname,
                 "logger": record.name, "message": record.getMessage()}
        entry.update(getattr(record, "fields", {}))
        return self._encode(entry)

    def _time(self, record: logging.LogRecord) -> str:
        """The record's time to the second, formatted once per second."""
        second = int(record.created)
        if self._second[0] != second:
            self._second = (second, self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"))
        return self._second[1]


_FILTER = RedactLinkTokens()


def _start_timer() -> None:
    g.request_started = time.perf_counter()


def _log_request(response: Response) -> Response:
    fields = {
        "method": request.method,
        # The route pattern, not the path: a path can hold a link token.
        "route": request.url_rule.rule if request.url_rule else "(no route)",
        "status": response.status_code,
        "ms": round((time.perf_counter() - g.get("request_started", time.perf_counter()))
                    * 1000, 1),
    }
    if current_app.config.get("LOG_IP_ADDRESSES"):
        fields["ip"] = request.remote_addr
    if log.isEnabledFor(logging.INFO):
        # log.info() would first walk the stack to find the calling line, which this line
        # never shows; on every request that walk cost more than the rest of the logging.
        log.handle(log.makeRecord(log.name, logging.INFO, __file__, 0, "request", (), None,
                                  _log_request.__name__, {"fields": fields}))
    return response


def init_app(app: Flask) -> None:
    for name in ("werkzeug", "gunicorn.access", "gunicorn.error", app.logger.name):
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
    prep_logger = logging.getLogger("prep")
    if not app.testing and not prep_logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(JsonFormatter())
        prep_logger.addHandler(handler)
        prep_logger.setLevel(logging.INFO)
        prep_logger.propagate = False
    app.before_request(_start_timer)
    app.after_request(_log_request)
