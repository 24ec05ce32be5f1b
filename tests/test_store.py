"""Storage on SQLite and on a real PostgreSQL server: the same code, the same behaviour."""

from __future__ import annotations

import pytest

from prep.keeping.store import Conflict, Gone, NewLink

from .helpers import CANARY, make_link, prepare, text_of


def test_drafts_save_load_replace_and_delete(any_db_app, clock):
    store = any_db_app.extensions["prep.store"]
    first = store.write_draft("d1", 0, b"first")
    second = store.write_draft("d1", first, b"second")
    found = store.load_draft("d1", 3600)
    assert (found.ciphertext, found.version) == (b"second", second)
    clock.now += 7200
    assert store.load_draft("d1", 3600) is None  # too old to be offered
    store.delete_draft("d1", second)
    assert store.load_draft("d1", 10**9) is None


def test_a_draft_is_written_only_over_the_version_it_was_read_at(any_db_app):
    """Two tabs read version 1; the first to save wins, the second is told to read again;
    a deleted draft is never written back."""
    store = any_db_app.extensions["prep.store"]
    read = store.write_draft("d", 0, b"both tabs read this")
    store.write_draft("d", read, b"tab one")
    with pytest.raises(Conflict):
        store.write_draft("d", read, b"tab two, from an old read")
    assert store.load_draft("d", 10**9).ciphertext == b"tab one"
    store.delete_draft("d", read + 1)
    with pytest.raises(Gone):
        store.write_draft("d", read + 1, b"a save in flight during the delete")
    assert store.load_draft("d", 10**9) is None


def test_a_draft_and_its_links_change_together(any_db_app, clock):
    store = any_db_app.extensions["prep.store"]
    link = NewLink("l1", "share", b"copy 1", clock.now + 60)
    version = store.write_draft("d", 0, b"draft 1", new_links=(link,))
    version = store.write_draft("d", version, b"draft 2", copies={"l1": b"copy 2"})
    assert store.load_link("l1").ciphertext == b"copy 2"
    version = store.write_draft("d", version, b"draft 3", stopped=("l1",))
    row = store.load_link("l1")
    assert row.revoked_at == clock.now and row.ciphertext == b""
    store.write_draft("d", version, b"draft 4", copies={"l1": b"copy 4"})
    assert store.load_link("l1").ciphertext == b"", "a stopped link is never written again"


def test_purge_on_both_databases(any_db_app, clock):
    store = any_db_app.extensions["prep.store"]
    store.write_draft("old", 0, b"x", new_links=(NewLink("gone", "share", b"y", clock.now + 10),))
    clock.now += 100
    store.write_draft("new", 0, b"z", new_links=(NewLink("live", "share", b"w", clock.now + 10),))
    assert store.purge_drafts(50) == 1
    assert store.purge_links() == 1
    assert store.load_draft("new", 10**9).ciphertext == b"z"
    assert store.load_link("live").ciphertext == b"w"


def test_sqlite_overwrites_what_it_deletes(app):
    with app.extensions["prep.store"].engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1


def test_the_whole_hand_over_works_on_both_databases(any_db_app):
    client = any_db_app.test_client()
    prepare(client)
    url = make_link(client)
    assert CANARY in text_of(any_db_app.test_client().get(url))
    client.post("/links/share/stop")
    assert any_db_app.test_client().get(url).status_code == 410


def test_ready_when_the_database_answers(any_db_app):
    assert any_db_app.test_client().get("/readyz").status_code == 200


def test_database_down_is_a_503_page_with_the_text_kept(tmp_path):
    """Nothing listens on port 1: every save fails, and nothing typed is lost."""
    from .helpers import make_app

    app = make_app("postgresql://nobody@127.0.0.1:1/none")
    client = app.test_client()
    response = client.post("/questions/goals?lang=en", data={"goals": "Typed while down"})
    assert response.status_code == 503
    assert response.doc.find(".//textarea[@id='goals']").text == "Typed while down"
    assert "could not save your answers" in text_of(response)
    # A new visitor without a draft still sees the page: nothing needs the database yet.
    assert client.get("/questions/goals").status_code == 200


def test_migrations_run_once_and_record_their_version(any_db_app):
    store = any_db_app.extensions["prep.store"]
    first = store.migrate()
    assert first in ([1, 2, 3, 4, 5], [])  # [] when an earlier request already migrated
    assert store.migrate() == []
    runner = any_db_app.test_cli_runner()
    assert "already up to date" in runner.invoke(args=["migrate"]).output


def test_a_database_made_by_the_first_version_catches_up_and_keeps_its_drafts(any_db_app):
    """A database as version 1 left it (drafts' age indexed, no versions, no kept PDFs)
    takes every later step and keeps its drafts."""
    from sqlalchemy import insert, inspect, text

    from prep.keeping.store import MIGRATIONS, Store, now, schema_version

    url = any_db_app.config["DATABASE_URL"]
    old = Store(url)
    with old.engine.begin() as conn:
        for table in ("rendered", "links", "drafts", "schema_version"):
            conn.execute(text(f"DROP TABLE IF EXISTS {table}"))
        schema_version.create(conn)
        MIGRATIONS[0][1](conn)
        conn.execute(insert(schema_version).values(version=1, applied_at=now()))
        conn.execute(text("INSERT INTO drafts (id, ciphertext, created_at, updated_at) "
                          "VALUES ('kept', :blob, 1, :stamp)"),
                     {"blob": b"answers", "stamp": now()})
    assert "ix_drafts_updated_at" in _indexes(old, inspect)
    old.engine.dispose()
    fresh = Store(url)
    assert fresh.migrate() == [number for number, _ in MIGRATIONS if number > 1]
    assert "ix_drafts_updated_at" not in _indexes(fresh, inspect)
    kept = fresh.load_draft("kept", 3600)
    assert (kept.ciphertext, kept.version) == (b"answers", 1)
    fresh.engine.dispose()


def _indexes(store, inspect) -> set[str]:
    return {index["name"] for index in inspect(store.engine).get_indexes("drafts")}


def test_a_draft_saved_by_an_older_version_still_loads(app, client):
    """Format 1 before links were stored in the draft: no "links" key, no meeting_kind."""
    from prep.keeping import crypto

    with app.test_request_context():
        key = crypto.new_key()
        blob = crypto.encrypt(key, "old-draft", {"format": 1, "answers": {
            "preparing_for": "self", "goals": "From last year"}, "last_page": "goals"})
        app.extensions["prep.store"].write_draft("old-draft", 0, blob)
    with client.session_transaction() as session:
        session["draft"] = {"id": "old-draft", "key": key}
    assert "From last year" in text_of(client.get("/check"))
    assert client.post("/links/share").status_code == 302  # and it works with links now


KILLED_SAVE = r"""
import sys, time
from sqlalchemy import event
from prep import create_app
app = create_app({"TESTING": True, "SECRET_KEY": "k", "DATABASE_URL": sys.argv[1]})
store = app.extensions["prep.store"]
version = store.write_draft("d", 0, b"old answers")

@event.listens_for(store.engine, "commit")
def hang(conn):  # the worker stops after writing, before the transaction commits
    print("in transaction", flush=True)
    time.sleep(60)

store.write_draft("d", version, b"new answers")
"""


def test_a_worker_killed_during_a_save_leaves_the_old_draft_whole(database_url, tmp_path):
    import signal
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", KILLED_SAVE, database_url],
                             stdout=subprocess.PIPE, text=True)
    with child.stdout:
        assert child.stdout.readline().strip() == "in transaction"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)

    from .helpers import make_app

    app = make_app(database_url)
    assert app.extensions["prep.store"].load_draft("d", 10**9).ciphertext == b"old answers"
    app.extensions["prep.store"].engine.dispose()


def test_a_locked_sqlite_database_gives_a_503_with_the_text_kept(tmp_path):
    """Another process holds the write lock longer than the busy timeout."""
    import sqlite3

    from .helpers import make_app

    path = tmp_path / "locked.sqlite3"
    app = make_app(f"sqlite:///{path}")
    client = app.test_client()
    client.post("/questions/who", data={"preparing_for": "self"})  # the draft exists
    holder = sqlite3.connect(path, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        response = client.post("/questions/goals?lang=en", data={"goals": "Typed while locked"})
    finally:
        holder.rollback()
        holder.close()
    assert response.status_code == 503
    assert response.doc.find(".//textarea[@id='goals']").text == "Typed while locked"
    assert client.post("/questions/goals", data={"goals": "Again"}).status_code == 302
