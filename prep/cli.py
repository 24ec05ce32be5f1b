"""Commands for operators: ``flask --app prep purge``."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from . import drafts


@click.command("purge")
@with_appcontext
def purge_command() -> None:
    """Delete drafts untouched for longer than DRAFT_DAYS."""
    days = int(current_app.config["DRAFT_DAYS"])
    removed = drafts.store().purge_drafts(days * 86400)
    click.echo(f"Deleted {removed} draft(s) older than {days} day(s).")


def init_app(app: Flask) -> None:
    app.cli.add_command(purge_command)
