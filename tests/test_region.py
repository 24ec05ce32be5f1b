"""A region's settings file: applied at start, and refused with the bad key named."""

from __future__ import annotations

import pytest

from prep import create_app
from prep.config import ConfigError

from .helpers import CheckedClient, text_of

GOOD = """
region_name = "Region Gävleborg"
municipality_name = "Gävle kommun"
contact_phone = "0270-750 00"
region_page = "https://www.1177.se/gavleborg"
languages = ["sv", "en", "ar"]
share_link_days = 14
organisations = ["social_services", "school", "health_centre"]
"""


def app_with(tmp_path, text: str):
    path = tmp_path / "region.toml"
    path.write_text(text, encoding="utf-8")
    app = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "REGION_CONFIG": str(path),
                      "DATABASE_URL": f"sqlite:///{tmp_path}/r.sqlite3"})
    app.test_client_class = CheckedClient
    return app


def test_a_region_file_sets_names_languages_lifetimes_and_organisations(tmp_path):
    app = app_with(tmp_path, GOOD)
    assert app.config["REGION_NAME"] == "Region Gävleborg"
    assert app.config["SHARE_LINK_DAYS"] == 14
    client = app.test_client()
    start = client.get("/?lang=en")
    assert "Call 0270-750 00" in text_of(start)
    langs = [a.get("lang") for a in start.doc.findall(".//details[@class='langs']//a")]
    assert langs == ["sv", "en", "ar"]
    assert app.test_client().get("/?lang=so").doc.get("lang") == "sv"  # not offered here
    page = client.get("/questions/support-now")
    offered = {i.get("value") for i in page.doc.findall(".//input[@name='support_now']")}
    assert offered == {"social_services", "school", "health_centre", "none"}
    about = client.get("/what-is-sip?lang=en").doc
    assert about.find(".//a[@href='https://www.1177.se/gavleborg']") is not None


@pytest.mark.parametrize("text, named", [
    ('regoin_name = "x"', "'regoin_name'"),
    ("languages = ['sv', 'xx']", "'languages' has unknown values ['xx']"),
    ("languages = ['en']", "must include 'sv'"),
    ("organisations = ['bank']", "'organisations' has unknown values ['bank']"),
    ("draft_days = 0", "'draft_days' must be 1 or more"),
    ('draft_days = "30"', "'draft_days' must be a int"),
    ('region_page = "http://example.com"', "https://"),
    ("this is not toml", "not valid TOML"),
])
def test_a_bad_region_file_stops_the_start_and_names_the_key(tmp_path, text, named):
    with pytest.raises(ConfigError, match=named.replace("[", r"\[").replace("]", r"\]")):
        app_with(tmp_path, text)


def test_the_example_file_in_the_repository_is_valid(tmp_path):
    from pathlib import Path

    example = Path(__file__).resolve().parents[1] / "deploy" / "region.example.toml"
    app = app_with(tmp_path, example.read_text(encoding="utf-8"))
    assert app.config["REGION_NAME"] == "Region Gävleborg"
