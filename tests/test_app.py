"""The app as an operator sees it: configuration, health checks, headers, purge, pages."""

from __future__ import annotations

import pytest
from flask import Flask

from prep import create_app
from prep.config import ConfigError
from prep.languages import SUPPORTED

from .helpers import text_of


def test_production_refuses_to_start_without_a_secret_key(monkeypatch, tmp_path):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("PREP_ENV", raising=False)
    with pytest.raises(ConfigError, match="SECRET_KEY is not set"):
        create_app({"DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite3"})


PRODUCTION_KEY = "k" * 40


def test_environment_is_read_and_test_config_overrides_it(monkeypatch, tmp_path):
    monkeypatch.setenv("SECRET_KEY", PRODUCTION_KEY)
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://sip.region.example")
    monkeypatch.setenv("DRAFT_DAYS", "7")
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite3", "DRAFT_DAYS": 3})
    assert app.config["SECRET_KEY"] == PRODUCTION_KEY
    assert app.config["DRAFT_DAYS"] == 3
    assert app.config["SESSION_COOKIE_SECURE"] is True


def test_database_defaults_to_sqlite_in_the_instance_folder(monkeypatch):
    monkeypatch.setenv("PREP_ENV", "development")
    monkeypatch.delenv("DATABASE_URL", raising=False)
    app = create_app()
    assert app.config["DATABASE_URL"].startswith("sqlite:///")
    assert app.config["DATABASE_URL"].endswith("instance/prep.sqlite3")


def test_healthz_does_not_touch_the_database(tmp_path):
    # Nothing listens on port 1: the database is down.
    app = create_app({"TESTING": True, "DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none"})
    client = app.test_client()
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 503


def test_readyz_answers_when_the_database_does(client):
    assert client.get("/readyz").status_code == 200


def test_pages_carry_security_headers(client):
    response = client.get("/")
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"


def test_hsts_is_configurable_and_links_use_the_public_address(tmp_path):
    """A link is built on PUBLIC_BASE_URL: a client that sends another Host (or a forged
    X-Forwarded-Host) cannot make the person hand out a link to someone else's server."""
    app = create_app({"TESTING": True, "HSTS_SECONDS": 31536000, "PROXY_HOPS": 1,
                      "WTF_CSRF_ENABLED": False, "PUBLIC_BASE_URL": "https://sip.region.example",
                      "DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite3"})
    client = app.test_client()
    forged = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "evil.example",
              "Host": "evil.example"}
    assert client.get("/healthz").headers["Strict-Transport-Security"] == "max-age=31536000"
    client.post("/questions/who", data={"preparing_for": "self"}, headers=forged)
    client.post("/links/share", headers=forged)
    page = client.get("/done", headers=forged).get_data(as_text=True)
    assert 'value="https://sip.region.example/s/' in page
    assert "evil.example" not in page


@pytest.mark.parametrize("settings, problem", [
    ({"SECRET_KEY": "k" * 40}, "PUBLIC_BASE_URL is not set"),
    ({"SECRET_KEY": "short", "PUBLIC_BASE_URL": "https://sip.example"}, "too short"),
    ({"SECRET_KEY": "k" * 40, "PUBLIC_BASE_URL": "https://sip.example/path"}, "host only"),
])
def test_production_refuses_a_weak_or_missing_setting(monkeypatch, tmp_path, settings,
                                                      problem):
    monkeypatch.delenv("PREP_ENV", raising=False)
    monkeypatch.delenv("PUBLIC_BASE_URL", raising=False)
    with pytest.raises(ConfigError, match=problem):
        create_app({"DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite3", **settings})


def test_development_builds_links_on_the_local_address(monkeypatch, tmp_path):
    monkeypatch.setenv("PREP_ENV", "development")
    monkeypatch.delenv("PUBLIC_BASE_URL", raising=False)
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite3"})
    assert app.config["PUBLIC_BASE_URL"] == "http://127.0.0.1:5000"


def test_static_files_are_versioned_and_cached_for_a_year(client):
    link = client.get("/").doc.find(".//link[@rel='stylesheet']").get("href")
    assert link.startswith("/static/app.css?v=")
    with client.get(link) as response:
        assert "max-age=31536000" in response.headers["Cache-Control"]


def test_session_cookie_is_http_only_and_lax(client):
    client.post("/questions/who", data={"preparing_for": "self"})
    header = next(h for h in client._cookies.values())  # noqa: SLF001
    assert header.http_only and header.same_site == "Lax"


def test_purge_deletes_only_old_drafts(app: Flask, clock):
    store = app.extensions["prep.store"]
    store.write_draft("old", 0, b"x" * 40)
    clock.now += 29 * 86400
    store.write_draft("recent", 0, b"y" * 40)
    clock.now += 2 * 86400  # "old" is now 31 days untouched, "recent" 2 days
    result = app.test_cli_runner().invoke(args=["purge"])
    assert "Deleted 1 draft" in result.output
    assert store.load_draft("old", 10**9) is None
    assert store.load_draft("recent", 10**9) is not None


def test_an_expired_draft_is_not_offered_again(app, client, clock):
    client.post("/questions/who", data={"preparing_for": "self"})
    assert client.get("/check").status_code == 200
    clock.now += 31 * 86400
    assert client.get("/check").status_code == 302


GET_PAGES = ["/", "/what-is-sip", "/privacy", "/accessibility", "/about", "/questions/meeting",
             "/deleted"]


@pytest.mark.parametrize("lang", SUPPORTED)
@pytest.mark.parametrize("url", GET_PAGES)
def test_every_page_renders_in_every_language(client, url, lang):
    response = client.get(f"{url}?lang={lang}")
    assert response.status_code == 200
    assert response.doc.get("lang") == lang.replace("_", "-")
    assert response.doc.get("dir") == (
        "rtl" if lang in ("ar", "fa", "fa_AF", "ps", "ckb") else "ltr")
    links = response.doc.findall(".//details[@class='langs']//a")
    assert [a.get("lang") for a in links] == [code.replace("_", "-") for code in SUPPORTED]
    picker = response.doc.find(".//details[@class='langs']")
    current = "".join(picker.find("./summary").itertext())
    assert [a for a in links if a.get("aria-current")][0].text in current
    # Eighteen names would fill a phone's first screen: open only where a person arrives.
    assert (picker.get("open") is not None) == (url == "/")


def test_each_language_is_named_in_itself(client):
    links = client.get("/").doc.findall(".//details[@class='langs']//a")
    names = {a.get("lang"): "".join(a.itertext()) for a in links}
    assert names["ar"] == "العربية" and names["so"] == "Soomaali" and names["ti"] == "ትግርኛ"
    assert names["fi"] == "Suomi" and names["fa-AF"] == "دری" and names["sv"] == "Svenska"
    assert names["kmr"] == "Kurdî (Kurmancî)" and names["ps"] == "پښتو"
    assert names["pl"] == "Polski" and names["bs"] == "Bosanski / Hrvatski / Srpski"
    assert names["ru"] == "Русский" and names["tr"] == "Türkçe"
    assert names["th"] == "ไทย" and names["am"] == "አማርኛ"


def test_every_route_is_known_to_the_tests(app):
    """A new page must be added to GET_PAGES (or here, with a reason) so it gets checked."""
    covered = set(GET_PAGES) | {
        "/questions/<page_id>",  # every page: test_journey
        "/check", "/done",  # need a draft: test_journey
        "/delete", "/links/<purpose>", "/links/<purpose>/stop",  # POST only: test_outputs
        "/links/new", "/links/new/parts", "/links/new/make",  # need a draft: test_sharing
        "/pdf", "/s/<token>", "/s/<token>/pdf", "/r/<token>",  # need links: test_outputs
        "/healthz", "/readyz",  # plain text
        "/static/<path:filename>",
        "/fhir/Questionnaire/<questionnaire_id>", "/s/<token>/fhir",  # test_exports
        "/answers/file", "/answers/load",  # test_exports
        "/paper.pdf",  # test_pdf
    }
    assert {rule.rule for rule in app.url_map.iter_rules()} <= covered


def test_language_choice_is_remembered(client):
    client.get("/?lang=en")
    assert client.get("/what-is-sip").doc.get("lang") == "en"
    client.get("/?lang=xx")  # unknown: ignored
    assert client.get("/").doc.get("lang") == "en"


def test_swedish_is_the_default(client):
    assert client.get("/").doc.get("lang") == "sv"


def test_what_is_a_sip_covers_principles_and_rights(client):
    text = text_of(client.get("/what-is-sip?lang=en"))
    for fact in ("Consent", "Taking part", "Starting without delay",
                 "You can take back your consent at any time",
                 "If you say no to a SIP, you still get the care and support you need"):
        assert fact in text


def test_about_page_names_its_sources_and_the_pictures_licence(client):
    response = client.get("/about?lang=en")
    text = text_of(response)
    assert "Socialstyrelsen" in text and "1177" in text and "OpenMoji" in text
    licence = response.doc.find(".//a[@href='https://creativecommons.org/licenses/by-sa/4.0/']")
    assert licence is not None
    footer = client.get("/questions/goals?lang=en").doc.find(".//footer//a[@href='/about']")
    assert "".join(footer.itertext()) == "About this service"


def test_the_accessibility_statement_says_what_is_and_is_not_accessible(client):
    text = text_of(client.get("/accessibility?lang=en"))
    assert "Listen button" in text and "pictures" in text  # what there is
    assert "What is not accessible yet" in text and "Digg" in text  # limits, and supervision
