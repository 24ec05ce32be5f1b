"""Inför SIP: prepare for a SIP meeting and hand the result to the contact person."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from . import cli, config
from .keeping.store import Store
from .languages import SUPPORTED
from .questionnaire.definition import ORGANISATION_IDS
from .web import assets, errors, forms, headers, i18n, logs, templates
from .web.extensions import csrf, limiter
from .web.routes import contact, exports, handover, pages, questions, resume, share_part

_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True,
                template_folder=os.path.join(_ROOT, "templates"),
                static_folder=os.path.join(_ROOT, "static"))
    app.config.from_mapping(
        config.load(app.instance_path, test_config, (SUPPORTED, ORGANISATION_IDS)))
    if app.config["PROXY_HOPS"]:
        # Behind a TLS-terminating proxy: trust its X-Forwarded-* headers, that many hops.
        hops = app.config["PROXY_HOPS"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    app.extensions["prep.store"] = Store(app.config["DATABASE_URL"])

    logs.init_app(app)  # first: its timer runs before any other hook can refuse a request
    i18n.init_app(app)
    forms.init_app(app)
    csrf.init_app(app)
    limiter.init_app(app)
    templates.init_app(app)
    headers.init_app(app)
    errors.init_app(app)
    assets.init_app(app)
    cli.init_app(app)

    for blueprint in (pages.bp, questions.bp, handover.bp, share_part.bp, contact.bp, resume.bp,
                      exports.bp):
        app.register_blueprint(blueprint)
    return app
