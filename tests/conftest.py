"""Fixtures, and a test client that checks every HTML page it fetches.

The checks are Notify's habit, extended: valid HTML, one ``h1``, a ``<title>`` that starts
with it (after the translated word for error when the page shows errors), an error summary
whose links reach the fields, and ``lang``/``dir`` on ``<html>`` that match each other.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import Any

import html5lib
import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import create_engine, text

from prep import create_app, i18n, store

from . import postgres

ERROR_WORD = {"sv": "Fel", "en": "Error"}


def _text(element: Any) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def check_page(html: str) -> Any:
    """Assert the page's structure; return the parsed document for further checks."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    doc = parser.parse(html)  # raises on any parse error

    lang, direction = doc.get("lang"), doc.get("dir")
    assert lang, "<html> has no lang"
    assert direction == i18n.direction(lang.replace("-", "_")), f"dir={direction!r} vs {lang!r}"

    h1s = doc.findall(".//h1")
    assert len(h1s) == 1, f"expected one h1, found {len(h1s)}"
    title = _text(doc.find(".//title"))
    heading = _text(h1s[0])
    summary = doc.find(".//div[@class='error-summary']")
    expected = heading if summary is None else f"{ERROR_WORD.get(lang, 'Error')}: {heading}"
    assert title.startswith(expected), f"title {title!r} does not start with {expected!r}"

    ids = [el.get("id") for el in doc.iter() if el.get("id")]
    assert len(ids) == len(set(ids)), "an id is used twice"
    if summary is not None:
        for link in summary.findall(".//a"):
            target = link.get("href", "")
            assert target.startswith("#") and target[1:] in ids, f"summary link {target!r} is dead"

    for form in doc.findall(".//form"):
        assert form.get("method") == "post" and form.get("action"), "form without post/action"
        assert form.get("novalidate") is not None, "form validates in the browser"
    for label in doc.findall(".//label"):
        assert label.get("for") in ids, f"label for {label.get('for')!r} has no field"
    return doc


class CheckedClient(FlaskClient):
    def open(self, *args: Any, **kwargs: Any) -> Any:
        response = super().open(*args, **kwargs)
        if response.mimetype == "text/html" and not 300 <= response.status_code < 400:
            response.doc = check_page(response.get_data(as_text=True))
        return response


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    with postgres.server() as url:
        if url is None:
            message = "PostgreSQL not installed (scripts/test installs it)"
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
        conn.execute(text("DROP TABLE IF EXISTS drafts, links, schema_version"))
    engine.dispose()


def _app(url: str) -> Flask:
    app = create_app(
        {"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE_URL": url,
         "WTF_CSRF_ENABLED": False}
    )
    app.test_client_class = CheckedClient
    return app


@pytest.fixture
def app(tmp_path: Any) -> Iterator[Flask]:
    app = _app(f"sqlite:///{tmp_path / 'test.sqlite3'}")
    yield app
    app.extensions["prep.store"].engine.dispose()


@pytest.fixture
def any_db_app(database_url: str) -> Iterator[Flask]:
    """The app on SQLite and on PostgreSQL."""
    app = _app(database_url)
    yield app
    app.extensions["prep.store"].engine.dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def csrf_app(tmp_path: Any) -> Flask:
    """CSRF checks on, as in production."""
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'csrf.sqlite3'}",
        }
    )
    app.test_client_class = CheckedClient
    return app


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Frozen time that a test can move: ``clock.now += 86400``."""

    class Clock:
        now = 1_800_000_000

    monkeypatch.setattr(store, "now", lambda: Clock.now)
    return Clock


def text_of(response: Any) -> str:
    return _text(response.doc)
