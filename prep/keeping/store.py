"""The database: SQLite by default, PostgreSQL when ``DATABASE_URL`` says so.

Only ids, ciphertext and times are stored. SQLAlchemy Core gives one code path for both;
every change is one ``with engine.begin()`` transaction, so a worker killed mid-save leaves
the old row or the new one, never half of each.
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


def _v1_drafts_and_links(conn: Connection) -> None:
    metadata.create_all(conn, tables=[drafts, links])


def _v2_no_index_on_draft_age(conn: Connection) -> None:
    conn.execute(text("DROP INDEX IF EXISTS ix_drafts_updated_at"))


def _v3_rendered_documents(conn: Connection) -> None:
    metadata.create_all(conn, tables=[rendered])


MIGRATIONS = (
    (1, _v1_drafts_and_links),
    (2, _v2_no_index_on_draft_age),
    (3, _v3_rendered_documents),
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
    """Seconds since the epoch."""
    return int(time.time())


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    # WAL lets readers go on while a draft is written; the timeout rides out short locks.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA synchronous=NORMAL")
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

    def save_draft(self, draft_id: str, ciphertext: bytes) -> None:
        """Write the whole draft in one transaction: a crash leaves the old one or the new."""
        self.ensure_schema()
        stamp = now()
        with self.engine.begin() as conn:
            changed = conn.execute(
                update(drafts).where(drafts.c.id == draft_id)
                .values(ciphertext=ciphertext, updated_at=stamp)
            ).rowcount
            if not changed:
                conn.execute(insert(drafts).values(id=draft_id, ciphertext=ciphertext,
                                                   created_at=stamp, updated_at=stamp))

    def load_draft(self, draft_id: str, max_age_seconds: int) -> bytes | None:
        self.ensure_schema()
        with self.engine.connect() as conn:
            found = conn.execute(
                select(drafts.c.ciphertext).where(
                    drafts.c.id == draft_id, drafts.c.updated_at >= now() - max_age_seconds)
            ).scalar()
        return None if found is None else bytes(found)

    def delete_draft(self, draft_id: str) -> None:
        self.ensure_schema()
        with self.engine.begin() as conn:
            conn.execute(delete(drafts).where(drafts.c.id == draft_id))
            conn.execute(delete(rendered).where(rendered.c.owner_id == draft_id))

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

    def save_link(self, link_id: str, purpose: str, ciphertext: bytes, expires_at: int) -> None:
        """Create the link, or replace its copy (keeping its expiry and revocation)."""
        self.ensure_schema()
        with self.engine.begin() as conn:
            changed = conn.execute(
                update(links).where(links.c.id == link_id).values(ciphertext=ciphertext)
            ).rowcount
            if not changed:
                conn.execute(insert(links).values(
                    id=link_id, purpose=purpose, ciphertext=ciphertext, created_at=now(),
                    expires_at=expires_at))

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

    def revoke_link(self, link_id: str) -> None:
        """Keep the row, without its content, so the link can say it was stopped."""
        self.ensure_schema()
        with self.engine.begin() as conn:
            conn.execute(
                update(links).where(links.c.id == link_id, links.c.revoked_at.is_(None))
                .values(revoked_at=now(), ciphertext=b"")
            )
            conn.execute(delete(rendered).where(rendered.c.owner_id == link_id))

    def purge_links(self, grace_seconds: int = 0) -> int:
        """Delete links that expired more than ``grace_seconds`` ago; return how many."""
        self.ensure_schema()
        with self.engine.begin() as conn:
            return conn.execute(
                delete(links).where(links.c.expires_at < now() - grace_seconds)
            ).rowcount
