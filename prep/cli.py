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


@click.command("migrate")
@with_appcontext
def migrate_command() -> None:
    """Bring the database schema up to date (also done at first use)."""
    applied = drafts.store().migrate()
    click.echo(f"Applied migrations: {applied or 'none, already up to date'}.")


def init_app(app: Flask) -> None:
    app.cli.add_command(purge_command)
    app.cli.add_command(migrate_command)
