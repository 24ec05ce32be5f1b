"""Commands for operators: ``flask --app prep purge``."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from . import drafts


@click.command("purge")
@with_appcontext
def purge_command() -> None:
    """Delete drafts untouched for longer than DRAFT_DAYS, and links past their expiry."""
    days = int(current_app.config["DRAFT_DAYS"])
    removed = drafts.store().purge_drafts(days * 86400)
    expired = drafts.store().purge_links()
    click.echo(
        f"Deleted {removed} draft(s) older than {days} day(s) and {expired} expired link(s)."
    )


def init_app(app: Flask) -> None:
    app.cli.add_command(purge_command)
