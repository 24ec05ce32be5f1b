"""Structured logs that never hold a link token, an answer or (unless asked) an IP address.

Each request is logged as one JSON line with its route pattern (``/s/<token>``, never the
path itself), status and duration. Lines from the development server and gunicorn can carry
a path or an address, so a filter replaces link tokens and addresses in them. An error's
message and traceback can quote what someone typed, so a logged error shows only its type
and where it happened.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
import traceback

from flask import Flask, Response, current_app, g, request
from flask.logging import default_handler

_LINK_PATH = re.compile(r"/(s|r)/[^\s/?\"']+")
#: IPv4 and IPv6 addresses (not times of day such as 12:30:45).
_ADDRESS = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b"
                      r"|\b(?:[0-9a-fA-F]{1,4}:){4,7}[0-9a-fA-F]{1,4}\b"
                      r"|(?:[0-9a-fA-F]{1,4})?::(?:[0-9a-fA-F]{1,4}:?)*")
log = logging.getLogger("prep.requests")


def redact(text: str) -> str:
    return _ADDRESS.sub("[address]", _LINK_PATH.sub(r"/\1/[token]", text))


class RedactLinkTokens(logging.Filter):
    """Takes link tokens and network addresses out of a record's message."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {"time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
                 "level": record.levelname, "logger": record.name,
                 "message": redact(record.getMessage())}
        entry.update(getattr(record, "fields", {}))
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            entry["error"] = type(error).__name__
            # Where, never what: frames only, without the exception's message.
            entry["where"] = [f"{frame.filename}:{frame.lineno} {frame.name}"
                              for frame in traceback.extract_tb(error.__traceback__)][-5:]
        return json.dumps(entry, ensure_ascii=False)


def _start_timer() -> None:
    g.request_started = time.perf_counter()


def _log_request(response: Response) -> Response:
    started = g.get("request_started", time.perf_counter())
    fields = {
        "method": request.method,
        # The route pattern, not the path: a path can hold a link token.
        "route": request.url_rule.rule if request.url_rule else "(no route)",
        "status": response.status_code,
        "ms": round((time.perf_counter() - started) * 1000, 1),
    }
    if current_app.config.get("LOG_IP_ADDRESSES"):
        fields["ip"] = request.remote_addr
    log.info("request", extra={"fields": fields})
    return response


def json_handler() -> logging.Handler:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RedactLinkTokens())
    return handler


def init_app(app: Flask) -> None:
    for name in ("werkzeug", "gunicorn.access", "gunicorn.error"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactLinkTokens) for f in logger.filters):
            logger.addFilter(RedactLinkTokens())
    # Flask's own handler writes errors in its format, with the path: ours instead.
    app.logger.removeHandler(default_handler)
    if not app.testing:  # tests read records through pytest's capture
        prep = logging.getLogger("prep")
        for old in [h for h in prep.handlers if isinstance(h.formatter, JsonFormatter)]:
            prep.removeHandler(old)
        prep.addHandler(json_handler())
        prep.setLevel(logging.INFO)
        prep.propagate = False
    app.before_request(_start_timer)
    app.after_request(_log_request)
