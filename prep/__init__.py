"""Inför SIP: prepare for a SIP meeting and hand the result to the contact person."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from werkzeug.middleware.proxy_fix import ProxyFix

from . import assets, cli, config, errors, i18n, limits, logs, security, templating
from .flask_app import App
from .store import Store

_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def create_app(test_config: Mapping[str, Any] | None = None) -> App:
    app = App(
        __name__,
        instance_relative_config=True,
        template_folder=os.path.join(_ROOT, "templates"),
        static_folder=os.path.join(_ROOT, "static"),
    )
    app.jinja_environment = templating.LocalisedEnvironment
    from .questionnaire.definition import ORGANISATION_IDS

    app.config.from_mapping(
        config.load(app.instance_path, test_config, (i18n.SUPPORTED, ORGANISATION_IDS))
    )
    if app.config["PROXY_HOPS"]:
        # Behind a TLS-terminating proxy: trust its X-Forwarded-* headers, that many hops.
        hops = app.config["PROXY_HOPS"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    app.extensions["prep.store"] = Store(app.config["DATABASE_URL"])

    i18n.init_app(app)
    templating.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    logs.init_app(app)
    limits.init_app(app)
    assets.init_app(app)
    cli.init_app(app)

    from .routes import exports, outputs, pages, questions

    app.register_blueprint(pages.bp)
    app.register_blueprint(questions.bp)
    app.register_blueprint(outputs.bp)
    app.register_blueprint(exports.bp)
    return app
