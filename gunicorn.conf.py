"""gunicorn settings for production: ``.venv/bin/gunicorn 'prep:create_app()'``.

Every value can be overridden on the command line or with GUNICORN_CMD_ARGS.
"""

import multiprocessing
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
# Rendering a PDF is CPU work: about one worker per core, plus one.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
timeout = 30
graceful_timeout = 20
keepalive = 5
# WeasyPrint's memory is returned to the system by recycling workers now and then.
max_requests = 1000
max_requests_jitter = 100
# Load the app once in the master and fork workers from it: a recycled worker starts in
# milliseconds instead of re-importing everything (about 1.3 s of CPU each time, which at
# a few hundred requests a second took a third of the server). The master opens no
# database connection, so nothing is shared that should not be.
preload_app = True
# No access log by default: a request line would carry a link token (the app also
# redacts them); turn it on with --access-logfile - if you need it.
accesslog = None
errorlog = "-"
loglevel = "info"
# gunicorn's own lines ("Invalid request from ip=...") as JSON, with link tokens and
# addresses taken out, like the app's.
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "prep.web.logs.JsonFormatter"}},
    "filters": {"redact": {"()": "prep.web.logs.RedactLinkTokens"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "stream": "ext://sys.stderr",
                            "formatter": "json", "filters": ["redact"]}},
    "root": {"level": "INFO", "handlers": ["stderr"]},
    "loggers": {"gunicorn.error": {"handlers": ["stderr"], "level": "INFO",
                                   "propagate": False},
                # No access log: a request line carries a link token and an address.
                "gunicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False}},
}
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# No control socket: nothing on this machine but systemd should steer the server.
control_socket_disable = True


def when_ready(server):
    """Before the first fork: say if the rate limits cannot be shared, then freeze what is
    loaded, so that the garbage collector of each worker skips it and its memory stays
    shared with the master."""
    import gc

    storage = server.app.wsgi().config.get("RATELIMIT_STORAGE_URI", "memory://")
    if server.cfg.workers > 1 and storage.startswith("memory://"):
        server.log.warning(
            "Rate limits are counted in memory by each of the %d workers, so each limit "
            "allows %d times as much. Set RATELIMIT_STORAGE_URI to a Redis server.",
            server.cfg.workers, server.cfg.workers)
    gc.collect()
    gc.freeze()
