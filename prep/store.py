"""Drafts in the database: SQLite by default, PostgreSQL when ``DATABASE_URL`` says so.

Only ids, ciphertext and times are stored. SQLAlchemy Core keeps one code path for both.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass

from sqlalchemy import (
    Column,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    create_engine,
    delete,
    event,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError

metadata = MetaData()

drafts = Table(
    "drafts",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("ciphertext", LargeBinary, nullable=False),
    Column("created_at", Integer, nullable=False),
    # Not indexed: every Continue changes it, and keeping an index in step tripled the cost
    # of saving a draft. Only the purge looks drafts up by age, and a scan is fine there.
    Column("updated_at", Integer, nullable=False),
)

#: Share links (for the contact person) and resume links (to go on elsewhere). A share row
#: holds a snapshot of the answers, a resume row the draft's id and key: both encrypted with
#: a key that only the link itself carries.
links = Table(
    "links",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("purpose", String(16), nullable=False),
    Column("ciphertext", LargeBinary, nullable=False),
    Column("created_at", Integer, nullable=False),
    Column("expires_at", Integer, nullable=False, index=True),
    Column("revoked_at", Integer, nullable=True),
)

#: Which migrations have run. Each schema change is a new numbered step below; a step runs
#: once, in order, in one transaction, so old databases catch up at start.
schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", Integer, nullable=False),
)


def _v1_drafts_and_links(conn) -> None:
    metadata.create_all(conn, tables=[drafts, links])


def _v2_no_index_on_draft_age(conn) -> None:
    conn.execute(text("DROP INDEX IF EXISTS ix_drafts_updated_at"))


MIGRATIONS: tuple[tuple[int, object], ...] = (
    (1, _v1_drafts_and_links),
    (2, _v2_no_index_on_draft_age),
)

StoreError = SQLAlchemyError


@dataclass(frozen=True)
class LinkRow:
    purpose: str
    ciphertext: bytes
    created_at: int
    expires_at: int
    revoked_at: int | None


def now() -> int:
    """Seconds since the epoch; tests replace it to move time."""
    return int(time.time())


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets readers go on while a draft is written; the timeout rides out short locks.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class Store:
    def __init__(self, url: str) -> None:
        if url.startswith("sqlite:///"):
            folder = os.path.dirname(url.removeprefix("sqlite:///"))
            if folder:
                os.makedirs(folder, exist_ok=True)
        if url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
        # A server connection can drop while pooled: ping it on checkout. An SQLite file
        # cannot, and the ping would double the cost of reading a draft.
        self.engine: Engine = create_engine(url, pool_pre_ping=not url.startswith("sqlite"))
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._schema_ready = False
        # SQLite: each thread keeps one connection for the reads and writes that every
        # page makes (checking one out of the pool and back costs more than the query).
        self._kept = threading.local() if self.engine.dialect.name == "sqlite" else None

    def ensure_schema(self) -> None:
        if not self._schema_ready:
            self.migrate()
            self._schema_ready = True

    def migrate(self) -> list[int]:
        """Apply the migrations this database has not had yet; return their numbers.

        Several workers start at once and may race here: PostgreSQL serialises them with an
        advisory lock; on SQLite the loser of a race waits a moment and looks again.
        """
        for attempt in range(6):
            try:
                return self._migrate_once()
            except SQLAlchemyError:
                if attempt == 5:
                    raise
                time.sleep(0.1 * (attempt + 1))
        return []

    def _migrate_once(self) -> list[int]:
        with self.engine.begin() as conn:
            self._lock(conn)
            schema_version.create(conn, checkfirst=True)
        applied = []
        for number, step in MIGRATIONS:
            with self.engine.begin() as conn:
                self._lock(conn)
                done = conn.execute(
                    select(schema_version.c.version).where(schema_version.c.version == number)
                ).first()
                if done is None:
                    step(conn)
                    conn.execute(insert(schema_version).values(version=number, applied_at=now()))
                    applied.append(number)
        return applied

    def _lock(self, conn) -> None:
        if self.engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(4711)"))

    def ping(self) -> bool:
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return True
        except SQLAlchemyError:
            return False

    def save_draft(self, draft_id: str, ciphertext: bytes) -> None:
        """Write the whole draft in one transaction: a crash leaves the old one or the new.

        Saved on every Continue, so through the DB-API like ``load_draft``."""
        self.ensure_schema()
        stamp = now()

        def write(cursor) -> None:
            cursor.execute(
                self._sql("UPDATE drafts SET ciphertext = ?, updated_at = ? WHERE id = ?"),
                (ciphertext, stamp, draft_id),
            )
            if cursor.rowcount == 0:
                cursor.execute(
                    self._sql("INSERT INTO drafts (id, ciphertext, created_at, updated_at)"
                              " VALUES (?, ?, ?, ?)"),
                    (draft_id, ciphertext, stamp, stamp),
                )

        self._in_transaction(write)

    def load_draft(self, draft_id: str, max_age_seconds: int) -> bytes | None:
        self.ensure_schema()
        row = self._fetch_one(
            "SELECT ciphertext FROM drafts WHERE id = ? AND updated_at >= ?",
            (draft_id, now() - max_age_seconds),
        )
        return None if row is None else bytes(row[0])

    def _sql(self, sql: str) -> str:
        """``?`` placeholders as this database's driver wants them."""
        return sql if self.engine.dialect.paramstyle == "qmark" else sql.replace("?", "%s")

    def _fetch_one(self, sql: str, params: tuple) -> tuple | None:
        """One row through the DB-API. For the read that every page view makes: building
        and executing a Core statement costs about ten times the query itself."""
        if self._kept is not None:
            # SQLite runs a lone SELECT in autocommit: no cursor to manage, nothing to commit.
            try:
                return self._kept_connection().execute(sql, params).fetchone()
            except self.engine.dialect.loaded_dbapi.Error as error:
                self._forget_kept()
                raise OperationalError("(database)", None, error) from error
        found: list = []

        def read(cursor) -> None:
            cursor.execute(self._sql(sql), params)
            found.append(cursor.fetchone())

        self._in_transaction(read)
        return found[0]

    def _in_transaction(self, work) -> None:
        """Run ``work(cursor)`` in one transaction; a driver's error becomes a
        ``StoreError`` like any other database fault."""
        kept = self._kept is not None
        connection = self._kept_connection() if kept else self.engine.raw_connection()
        try:
            cursor = connection.cursor()
            try:
                work(cursor)
            finally:
                cursor.close()
            connection.commit()
        except self.engine.dialect.loaded_dbapi.Error as error:
            try:
                connection.rollback()
            except self.engine.dialect.loaded_dbapi.Error:
                pass  # the connection is gone; the pool replaces it
            if kept:
                self._forget_kept()
            raise OperationalError("(database)", None, error) from error
        finally:
            if not kept:
                connection.close()

    def _forget_kept(self) -> None:
        """After an error, start afresh with a new connection next time."""
        if getattr(self._kept, "connection", None) is not None:
            self._kept.connection.invalidate()
            self._kept.connection = None

    def _kept_connection(self):
        """This thread's own SQLite connection, checked out of the pool for good (a new one
        after a fork: a connection must not cross into another process)."""
        kept = self._kept
        if getattr(kept, "connection", None) is None or kept.pid != os.getpid():
            kept.connection, kept.pid = self.engine.raw_connection(), os.getpid()
            kept.dbapi = kept.connection.dbapi_connection  # the driver's own, without a proxy
        return kept.dbapi

    def delete_draft(self, draft_id: str) -> None:
        self.ensure_schema()
        with self.engine.begin() as conn:
            conn.execute(delete(drafts).where(drafts.c.id == draft_id))

    def purge_drafts(self, max_age_seconds: int) -> int:
        """Delete drafts nobody has touched for ``max_age_seconds``; return how many."""
        self.ensure_schema()
        with self.engine.begin() as conn:
            return conn.execute(
                delete(drafts).where(drafts.c.updated_at < now() - max_age_seconds)
            ).rowcount

    def save_link(self, link_id: str, purpose: str, ciphertext: bytes, expires_at: int) -> None:
        """Create the link, or replace its snapshot (keeping its expiry and revocation)."""
        self.ensure_schema()
        with self.engine.begin() as conn:
            changed = conn.execute(
                update(links).where(links.c.id == link_id).values(ciphertext=ciphertext)
            ).rowcount
            if not changed:
                conn.execute(
                    insert(links).values(
                        id=link_id, purpose=purpose, ciphertext=ciphertext,
                        created_at=now(), expires_at=expires_at,
                    )
                )

    def load_link(self, link_id: str) -> LinkRow | None:
        self.ensure_schema()
        with self.engine.connect() as conn:
            row = conn.execute(
                select(
                    links.c.purpose, links.c.ciphertext, links.c.created_at,
                    links.c.expires_at, links.c.revoked_at,
                ).where(links.c.id == link_id)
            ).first()
        if row is None:
            return None
        return LinkRow(row.purpose, bytes(row.ciphertext), row.created_at, row.expires_at,
                       row.revoked_at)

    def revoke_link(self, link_id: str) -> None:
        """Keep the row, without its content, so the link can say it was stopped."""
        self.ensure_schema()
        with self.engine.begin() as conn:
            conn.execute(
                update(links)
                .where(links.c.id == link_id, links.c.revoked_at.is_(None))
                .values(revoked_at=now(), ciphertext=b"")
            )

    def purge_links(self, grace_seconds: int = 0) -> int:
        """Delete links that expired more than ``grace_seconds`` ago; return how many."""
        self.ensure_schema()
        with self.engine.begin() as conn:
            return conn.execute(
                delete(links).where(links.c.expires_at < now() - grace_seconds)
            ).rowcount
