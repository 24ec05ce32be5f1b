"""Fixtures: the app on SQLite (and on a real PostgreSQL server), clients, a frozen clock."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import create_engine, text

from . import postgres, redis_server
from .helpers import make_app


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    with postgres.server() as url:
        if url is None:
            message = "PostgreSQL not installed (scripts/test installs it)"
            if os.environ.get("CI") == "true":
                pytest.fail(message)
            pytest.skip(message)
        yield url


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    with redis_server.server() as url:
        if url is None:
            message = "Redis not installed (scripts/test installs it)"
            if os.environ.get("CI") == "true":
                pytest.fail(message)
            pytest.skip(message)
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[str]:
    """Each storage test runs on both databases, against a real server for PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.sqlite3'}"
        return
    url = request.getfixturevalue("postgres_url")
    yield url
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as conn:  # a clean database for the next test
        conn.execute(text("DROP TABLE IF EXISTS drafts, links, rendered, schema_version"))
    engine.dispose()


@pytest.fixture
def app(tmp_path: Any) -> Iterator[Flask]:
    app = make_app(f"sqlite:///{tmp_path / 'test.sqlite3'}")
    yield app
    app.extensions["prep.store"].engine.dispose()


@pytest.fixture
def any_db_app(database_url: str) -> Iterator[Flask]:
    """The app on SQLite and on PostgreSQL."""
    app = make_app(database_url)
    yield app
    app.extensions["prep.store"].engine.dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def csrf_app(tmp_path: Any) -> Flask:
    """CSRF checks on, as in production."""
    return make_app(f"sqlite:///{tmp_path / 'csrf.sqlite3'}", WTF_CSRF_ENABLED=True)


class Clock:
    """The frozen time: read ``clock.now``, move it with ``clock.now += 86400``."""

    def __init__(self, traveller: Any) -> None:
        self.traveller = traveller

    @property
    def now(self) -> int:
        return int(time.time())

    @now.setter
    def now(self, value: int) -> None:
        self.traveller.shift(value - time.time())


@pytest.fixture
def clock() -> Iterator[Clock]:
    """Frozen time for everything that reads the clock: the store, signed cookies, links
    and form tokens alike."""
    with time_machine.travel(1_800_000_000, tick=False) as traveller:
        yield Clock(traveller)
