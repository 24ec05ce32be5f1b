"""The database: SQLite by default, PostgreSQL when ``DATABASE_URL`` says so.

Only ids, ciphertext and times are stored. SQLAlchemy Core gives one code path for both;
every change is one ``with engine.begin()`` transaction, so a worker killed mid-save leaves
the old rows or the new ones, never half of each.

A draft carries a version. It is written only over the version it was read at, so a save
from a second tab that read it earlier can never undo "stop sharing" or bring back a
deleted draft: the writer is told (``Conflict`` or ``Gone``) and reads again.
"""

from __future__ import annotations

import os
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
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

metadata = MetaData()

drafts = Table(
    "drafts",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("ciphertext", LargeBinary, nullable=False),
    Column("created_at", Integer, nullable=False),
    # Not indexed: every save changes it, and only the daily purge looks drafts up by age.
    Column("updated_at", Integer, nullable=False),
    Column("version", Integer, nullable=False, server_default="1"),
)

#: Share links (for the contact person) and resume links (to go on elsewhere). A share row
#: holds a copy of the answers, a resume row the draft's id and key: both encrypted with a
#: key that only the link itself carries.
links = Table(
    "links",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("purpose", String(16), nullable=False),
    Column("ciphertext", LargeBinary, nullable=False),
    Column("created_at", Integer, nullable=False),
    Column("expires_at", Integer, nullable=False, index=True),
    Column("revoked_at", Integer, nullable=True),
    # When a share link was first opened: the only thing kept about its visits.
    Column("first_opened_at", Integer, nullable=True),
)

#: Documents made from a draft or a link (its PDF), sealed with the owner's key; one per
#: owner and variant (language, bilingual or not). See ``keeping.rendered``.
rendered = Table(
    "rendered",
    metadata,
    Column("owner_id", String(64), primary_key=True),
    Column("variant", String(32), primary_key=True),
    Column("digest", String(64), nullable=False),
    Column("ciphertext", LargeBinary, nullable=False),
    Column("created_at", Integer, nullable=False),
)

#: Which migrations have run. Each schema change is a new numbered step below; a step runs
#: once, in order, in one transaction, so old databases catch up at start.
schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", Integer, nullable=False),
)


#: The tables as the first version made them: each later step changes them from there.
_first = MetaData()
Table("drafts", _first,
      Column("id", String(64), primary_key=True),
      Column("ciphertext", LargeBinary, nullable=False),
      Column("created_at", Integer, nullable=False),
      Column("updated_at", Integer, nullable=False, index=True))
Table("links", _first,
      Column("id", String(64), primary_key=True),
      Column("purpose", String(16), nullable=False),
      Column("ciphertext", LargeBinary, nullable=False),
      Column("created_at", Integer, nullable=False),
      Column("expires_at", Integer, nullable=False, index=True),
      Column("revoked_at", Integer, nullable=True))


def _v1_drafts_and_links(conn: Connection) -> None:
    _first.create_all(conn)


def _v2_no_index_on_draft_age(conn: Connection) -> None:
    conn.execute(text("DROP INDEX IF EXISTS ix_drafts_updated_at"))


def _v3_rendered_documents(conn: Connection) -> None:
    metadata.create_all(conn, tables=[rendered])


def _v4_draft_versions(conn: Connection) -> None:
    conn.execute(text("ALTER TABLE drafts ADD COLUMN version INTEGER NOT NULL DEFAULT 1"))


def _v5_first_opened(conn: Connection) -> None:
    conn.execute(text("ALTER TABLE links ADD COLUMN first_opened_at INTEGER"))


MIGRATIONS = (
    (1, _v1_drafts_and_links),
    (2, _v2_no_index_on_draft_age),
    (3, _v3_rendered_documents),
    (4, _v4_draft_versions),
    (5, _v5_first_opened),
)

StoreError = SQLAlchemyError


class Conflict(Exception):
    """The draft was saved by someone else (another tab or device) since it was read."""


class Gone(Exception):
    """The draft is no longer there: deleted, or past its lifetime and purged."""


@dataclass(frozen=True)
class DraftRow:
    ciphertext: bytes
    version: int
    updated_at: int


@dataclass(frozen=True)
class NewLink:
    id: str
    purpose: str
    ciphertext: bytes
    expires_at: int


@dataclass(frozen=True)
class LinkRow:
    purpose: str
    ciphertext: bytes
    created_at: int
    expires_at: int
    revoked_at: int | None


def now() -> int:
    """Seconds since the epoch."""
    return int(time.time())


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    # WAL lets readers go on while a draft is written; the timeout rides out short locks.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # A deleted draft's bytes are overwritten, not left in free pages of the file.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def engine_for(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        folder = os.path.dirname(url.removeprefix("sqlite:///"))
        if folder:
            os.makedirs(folder, exist_ok=True)
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    # A server connection can drop while pooled: test it on checkout.
    engine = create_engine(url, pool_pre_ping=not url.startswith("sqlite"))
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


class Store:
    def __init__(self, url: str) -> None:
        self.engine = engine_for(url)
        self._schema_ready = False

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

    def _lock(self, conn: Connection) -> None:
        if self.engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(4711)"))

    def ping(self) -> bool:
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return True
        except SQLAlchemyError:
            return False

    def load_draft(self, draft_id: str, max_age_seconds: int) -> DraftRow | None:
        """The draft, unless it is older than ``max_age_seconds`` (it is no longer offered,
        and the daily purge deletes it)."""
        self.ensure_schema()
        with self.engine.connect() as conn:
            row = conn.execute(
                select(drafts.c.ciphertext, drafts.c.version, drafts.c.updated_at).where(
                    drafts.c.id == draft_id, drafts.c.updated_at >= now() - max_age_seconds)
            ).first()
        return None if row is None else DraftRow(bytes(row.ciphertext), row.version,
                                                 row.updated_at)

    def write_draft(self, draft_id: str, version: int, ciphertext: bytes, *,
                    copies: dict[str, bytes] | None = None, new_links: tuple[NewLink, ...] = (),
                    stopped: tuple[str, ...] = ()) -> int:
        """Write the draft over ``version`` (0: a new draft), in one transaction with the
        copies behind its share links (a stopped link is never written again), the links it
        hands out and the links it stops. Returns the new version."""
        self.ensure_schema()
        stamp = now()
        with self.engine.begin() as conn:
            if version == 0:
                conn.execute(insert(drafts).values(id=draft_id, ciphertext=ciphertext, version=1,
                                                   created_at=stamp, updated_at=stamp))
            elif not conn.execute(
                    update(drafts).where(drafts.c.id == draft_id, drafts.c.version == version)
                    .values(ciphertext=ciphertext, version=version + 1, updated_at=stamp)
            ).rowcount:
                raise self._why_not(conn, draft_id)
            for link_id, blob in (copies or {}).items():
                conn.execute(update(links).where(links.c.id == link_id,
                                                 links.c.revoked_at.is_(None))
                             .values(ciphertext=blob))
            for link in new_links:
                conn.execute(insert(links).values(id=link.id, purpose=link.purpose,
                                                  ciphertext=link.ciphertext, created_at=stamp,
                                                  expires_at=link.expires_at))
            self._stop(conn, stopped)
        return version + 1

    def delete_draft(self, draft_id: str, version: int, stopped: tuple[str, ...] = ()) -> None:
        """Delete the draft (only at ``version``) and stop its links, in one transaction."""
        self.ensure_schema()
        with self.engine.begin() as conn:
            if not conn.execute(delete(drafts).where(drafts.c.id == draft_id,
                                                     drafts.c.version == version)).rowcount:
                raise self._why_not(conn, draft_id)
            conn.execute(delete(rendered).where(rendered.c.owner_id == draft_id))
            self._stop(conn, stopped)

    def replace_draft(self, draft_id: str, version: int, new_id: str, ciphertext: bytes,
                      stopped: tuple[str, ...] = ()) -> None:
        """Move the draft to a new id (sealed with a new key) and delete the old row: every
        device that knew the old id and key loses it at once."""
        self.ensure_schema()
        stamp = now()
        with self.engine.begin() as conn:
            if not conn.execute(delete(drafts).where(drafts.c.id == draft_id,
                                                     drafts.c.version == version)).rowcount:
                raise self._why_not(conn, draft_id)
            conn.execute(delete(rendered).where(rendered.c.owner_id == draft_id))
            conn.execute(insert(drafts).values(id=new_id, ciphertext=ciphertext, version=1,
                                               created_at=stamp, updated_at=stamp))
            self._stop(conn, stopped)

    @staticmethod
    def _why_not(conn: Connection, draft_id: str) -> Exception:
        there = conn.execute(select(drafts.c.id).where(drafts.c.id == draft_id)).first()
        return Conflict() if there else Gone()

    @staticmethod
    def _stop(conn: Connection, link_ids: tuple[str, ...]) -> None:
        """Stop links: keep each row without its content, so the link can say so."""
        for link_id in link_ids:
            conn.execute(update(links).where(links.c.id == link_id, links.c.revoked_at.is_(None))
                         .values(revoked_at=now(), ciphertext=b""))
            conn.execute(delete(rendered).where(rendered.c.owner_id == link_id))

    def purge_drafts(self, max_age_seconds: int) -> int:
        """Delete drafts nobody has touched for ``max_age_seconds``; return how many."""
        self.ensure_schema()
        with self.engine.begin() as conn:
            return conn.execute(
                delete(drafts).where(drafts.c.updated_at < now() - max_age_seconds)
            ).rowcount

    def load_rendered(self, owner_id: str, variant: str) -> tuple[str, bytes] | None:
        """The digest and ciphertext of the document kept for this owner and variant."""
        self.ensure_schema()
        with self.engine.connect() as conn:
            row = conn.execute(
                select(rendered.c.digest, rendered.c.ciphertext).where(
                    rendered.c.owner_id == owner_id, rendered.c.variant == variant)
            ).first()
        return None if row is None else (row.digest, bytes(row.ciphertext))

    def save_rendered(self, owner_id: str, variant: str, digest: str, ciphertext: bytes) -> None:
        """Keep this document in place of any earlier one of the same owner and variant."""
        self.ensure_schema()
        with self.engine.begin() as conn:
            conn.execute(delete(rendered).where(rendered.c.owner_id == owner_id,
                                                rendered.c.variant == variant))
            conn.execute(insert(rendered).values(owner_id=owner_id, variant=variant,
                                                 digest=digest, ciphertext=ciphertext,
                                                 created_at=now()))

    def purge_rendered(self) -> int:
        """Delete documents whose draft or link is gone; return how many."""
        self.ensure_schema()
        owners = select(drafts.c.id).union(select(links.c.id).where(links.c.revoked_at.is_(None)))
        with self.engine.begin() as conn:
            return conn.execute(
                delete(rendered).where(rendered.c.owner_id.not_in(owners))).rowcount

    def load_link(self, link_id: str) -> LinkRow | None:
        self.ensure_schema()
        with self.engine.connect() as conn:
            row = conn.execute(
                select(links.c.purpose, links.c.ciphertext, links.c.created_at,
                       links.c.expires_at, links.c.revoked_at).where(links.c.id == link_id)
            ).first()
        if row is None:
            return None
        return LinkRow(row.purpose, bytes(row.ciphertext), row.created_at, row.expires_at,
                       row.revoked_at)

    def mark_opened(self, link_id: str) -> None:
        """Keep when the link was first opened (and nothing else about the visit)."""
        self.ensure_schema()
        with self.engine.begin() as conn:
            conn.execute(update(links).where(links.c.id == link_id,
                                             links.c.first_opened_at.is_(None))
                         .values(first_opened_at=now()))

    def first_opened(self, link_ids: list[str]) -> dict[str, int | None]:
        """When each of these links was first opened (``None``: not yet)."""
        self.ensure_schema()
        if not link_ids:
            return {}
        with self.engine.connect() as conn:
            rows = conn.execute(select(links.c.id, links.c.first_opened_at)
                                .where(links.c.id.in_(link_ids))).all()
        return {row.id: row.first_opened_at for row in rows}

    def purge_links(self, grace_seconds: int = 0) -> int:
        """Delete links that expired more than ``grace_seconds`` ago; return how many."""
        self.ensure_schema()
        with self.engine.begin() as conn:
            return conn.execute(
                delete(links).where(links.c.expires_at < now() - grace_seconds)
            ).rowcount
