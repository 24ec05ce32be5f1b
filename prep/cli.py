"""Commands for operators: ``flask --app prep purge`` and ``flask --app prep migrate``."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from .keeping.store import Store


def _store() -> Store:
    return current_app.extensions["prep.store"]


@click.command("purge")
@with_appcontext
def purge_command() -> None:
    """Delete drafts untouched for longer than DRAFT_DAYS, and links past their expiry."""
    days = int(current_app.config["DRAFT_DAYS"])
    removed = _store().purge_drafts(days * 86400)
    expired = _store().purge_links()
    documents = _store().purge_rendered()
    click.echo(f"Deleted {removed} draft(s) older than {days} day(s), {expired} expired "
               f"link(s) and {documents} kept document(s) of either.")


@click.command("migrate")
@with_appcontext
def migrate_command() -> None:
    """Bring the database schema up to date (also done at first use)."""
    applied = _store().migrate()
    click.echo(f"Applied migrations: {applied or 'none, already up to date'}.")


def init_app(app: Flask) -> None:
    app.cli.add_command(purge_command)
    app.cli.add_command(migrate_command)
