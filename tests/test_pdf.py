"""The PDF's contract: headers, text, structure tags, language, fonts, and nothing fetched."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from prep.languages import SUPPORTED
from prep.outputs import pdf as pdf_module
from prep.questionnaire.definition import QUESTIONNAIRE as Q

from .helpers import make_link, prepare

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"

pytestmark = pytest.mark.skipif(
    not shutil.which("pdftotext"), reason="poppler-utils missing (scripts/test installs it)"
)

WORDS = {
    "latin": "Jag vill bo själv – ÅÄÖ åäö é ü",
    "arabic": "أريد أن أعيش وحدي ١٢٣",
    "ethiopic": "ብናይ ገዛይ ክነብር እደሊ",
    "cyrillic": "Я хочу жити сам",
    "pashto": "زه غواړم چې پخپله ژوند وکړم",
    "thai": "ฉันอยากอยู่บ้านของตัวเองและทำงานในร้านกาแฟใกล้บ้าน",
    "amharic": "ብቻዬን መኖር እፈልጋለሁ",
    "polish": "Chcę mieszkać sam – ąęłńóśźż",
    "turkish": "Kendi başıma yaşamak istiyorum – ğış",
}


def pdftotext(data: bytes) -> str:
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=data,
                          capture_output=True, check=True).stdout.decode()


def pdffonts(data: bytes) -> list[str]:
    out = subprocess.run(["pdffonts", "-"], input=data, capture_output=True,
                         check=True).stdout.decode()
    return out.splitlines()[2:]


@pytest.fixture
def shared_pdf(app, client):
    app.config["REGION_NAME"] = "Region Gävleborg"
    prepare(client)
    client.post("/questions/goals", data={"goals": "\n".join(WORDS.values())})
    client.post("/questions/anything-else",
                data={"anything_else": '<img src="file:///etc/passwd"> <img src="http://example.com/x.png">'})
    url = make_link(client)
    response = app.test_client().get(url + "/pdf")
    return response


def test_pdf_download_headers(shared_pdf):
    assert shared_pdf.status_code == 200
    assert shared_pdf.headers["Content-Type"] == "application/pdf"
    assert re.match(r'attachment; filename="?sip-\d{4}-\d\d-\d\d\.pdf"?$',
                    shared_pdf.headers["Content-Disposition"])
    assert shared_pdf.headers["Cache-Control"] == "no-store"
    assert shared_pdf.data.startswith(b"%PDF-")


def test_pdf_text_has_region_date_needs_answers_and_page_numbers(shared_pdf):
    text = pdftotext(shared_pdf.data)
    assert "Region Gävleborg" in text
    assert "Förberedelse inför SIP-möte" in text
    assert re.search(r"Gjord \d{1,2} \w+ 20\d\d", text)
    assert "Mötet i korthet" in text and "Tigrinya" in text
    assert text.index("Mötet i korthet") < text.index("canary-9b1e")
    assert "Sida 1 / " in text
    # Typed markup is printed as text, never fetched.
    assert '<img src="file:///etc/passwd">' in text
    assert "root:x:0:0" not in text


def test_pdf_is_tagged_with_title_and_language(shared_pdf):
    reader = PdfReader(io.BytesIO(shared_pdf.data))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root, "no structure tags"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "sv"
    assert reader.metadata.title == "Förberedelse inför SIP-möte"
    tags = structure_tags(root["/StructTreeRoot"])
    assert {"/H1", "/H2", "/H3", "/P"} <= tags, tags
    assert {"/L", "/LI"} <= tags, "lists are not tagged as lists"


def structure_tags(node, seen=None) -> set[str]:
    """Every structure type (/H1, /P, /L…) in the PDF's tag tree."""
    seen = set() if seen is None else seen
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, list):
        for child in node:
            structure_tags(child, seen)
    elif hasattr(node, "get"):
        if "/S" in node:
            seen.add(str(node["/S"]))
        if "/K" in node:
            structure_tags(node["/K"], seen)
    return seen


def test_every_script_prints_with_a_real_glyph(shared_pdf):
    """Text extraction succeeds even for missing glyphs: check the embedded fonts instead."""
    fonts = pdffonts(shared_pdf.data)
    names = " ".join(line.split()[0] for line in fonts)
    for family in ("Noto-Sans", "Noto-Naskh-Arabic", "Noto-Sans-Ethiopic", "Noto-Sans-Thai"):
        assert family in names, f"{family} not embedded: {names}"
    assert all(" yes yes yes " in line for line in fonts), "a font is not embedded as a subset"
    assert "DejaVu" not in names and "Last" not in names, "fell back to another font"
    # And every character we printed exists in the fonts the stylesheet names.
    cmaps = [TTFont(f"/usr/share/fonts/truetype/noto/{name}.ttf").getBestCmap()
             for name in ("NotoSans-Regular", "NotoNaskhArabic-Regular",
                          "NotoSansEthiopic-Regular", "NotoSansThai-Regular")]
    for script, words in WORDS.items():
        for char in words.replace(" ", ""):
            assert any(ord(char) in cmap for cmap in cmaps), f"{script}: no glyph for {char!r}"


def test_fetcher_reads_only_our_static_files(app):
    with app.app_context():
        fetcher = pdf_module.StaticOnlyFetcher(pdf_module.static_root())
        root = pdf_module.static_root()
        assert fetcher.fetch(f"file://{root}/pdf.css")
        for url in ("file:///etc/passwd", f"file://{root}/../pyproject.toml",
                    "http://127.0.0.1/", "https://example.com/a.png", "data:text/plain,x"):
            with pytest.raises(ValueError):
                fetcher.fetch(url)


def test_person_gets_the_pdf_in_their_own_language(client):
    prepare(client, lang="en")
    response = client.get("/pdf?lang=en")
    text = pdftotext(response.data)
    assert "Preparation for a SIP meeting" in text and "The meeting at a glance" in text
    assert PdfReader(io.BytesIO(response.data)).trailer["/Root"]["/Lang"] == "en"


def test_a_second_download_comes_from_the_cache(app, client, monkeypatch):
    prepare(client)
    first = client.get("/pdf")
    calls = []
    monkeypatch.setattr(pdf_module.HTML, "write_pdf",
                        lambda *a, **k: calls.append(1) or b"%PDF-new")
    second = client.get("/pdf")
    assert second.data == first.data and not calls
    client.post("/questions/goals", data={"goals": "Changed"})
    assert client.get("/pdf").data == b"%PDF-new"  # a changed summary renders again


def test_a_kept_pdf_is_sealed_and_goes_with_its_draft(app, client):
    """The kept copy is ciphertext under the person's own key, and deleting everything
    deletes it too."""
    prepare(client)
    client.post("/questions/goals", data={"goals": "kept-canary-41"})
    assert client.get("/pdf").status_code == 200
    with app.extensions["prep.store"].engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT owner_id, ciphertext FROM rendered").fetchall()
    assert len(rows) == 1 and not bytes(rows[0][1]).startswith(b"%PDF")
    client.post("/delete")
    with app.extensions["prep.store"].engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM rendered").scalar() == 0


SCRIPT_FONT = {"ar": "Noto-Naskh-Arabic", "fa": "Noto-Naskh-Arabic",
               "fa_AF": "Noto-Naskh-Arabic", "ckb": "Noto-Naskh-Arabic",
               "ps": "Noto-Naskh-Arabic", "ti": "Noto-Sans-Ethiopic",
               "am": "Noto-Sans-Ethiopic", "th": "Noto-Sans-Thai"}
_CMAPS: list = []


def covered(char: str) -> bool:
    if not _CMAPS:
        _CMAPS.extend(
            TTFont(f"/usr/share/fonts/truetype/noto/{name}.ttf").getBestCmap()
            for name in ("NotoSans-Regular", "NotoNaskhArabic-Regular",
                         "NotoSansEthiopic-Regular", "NotoSansThai-Regular"))
    return any(ord(char) in cmap for cmap in _CMAPS)


@pytest.mark.parametrize("lang", SUPPORTED)
def test_bilingual_pdf_in_every_language_prints_every_glyph(client, lang, tmp_path):
    prepare(client, lang=lang)
    client.post("/questions/goals", data={"goals": "\n".join(WORDS.values())})
    response = client.get(f"/pdf?lang={lang}&with=sv")
    assert response.status_code == 200
    text = pdftotext(response.data)
    if lang != "sv":
        assert "Mötet i korthet" in text  # the Swedish beside each label
    names = " ".join(line.split()[0] for line in pdffonts(response.data))
    assert SCRIPT_FONT.get(lang, "Noto-Sans") in names
    assert "DejaVu" not in names
    missing = {c for c in text if not c.isspace() and not covered(c)}
    assert not missing, f"{lang}: no glyph for {sorted(missing)}"
    root = PdfReader(io.BytesIO(response.data)).trailer["/Root"]
    assert root["/Lang"] == lang.replace("_", "-")
    if lang in ("ar", "ti", "fa", "ps", "th", "am"):  # kept for a person to look at
        out = ARTIFACTS / "pdf"
        out.mkdir(parents=True, exist_ok=True)
        (out / f"summary-{lang}.pdf").write_bytes(response.data)
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1",
                        str(out / f"summary-{lang}.pdf"), str(out / f"summary-{lang}")],
                       check=True)


def drawings(data: bytes) -> int:
    """Vector drawings (SVG pictograms become form XObjects) on all pages."""
    count = 0
    for page in PdfReader(io.BytesIO(data)).pages:
        xobjects = page["/Resources"].get("/XObject", {})
        count += sum(1 for ref in xobjects.values() if ref.get_object()["/Subtype"] == "/Form")
    return count


@pytest.mark.parametrize("path, worded", [
    ("self", "Vad vill du uppnå eller ändra på?"),
    ("guardian", "Vad vill du uppnå eller ändra på för ditt barn?"),
    ("helper", "Vad vill personen uppnå eller ändra på?"),
])
def test_the_questions_on_paper_for_each_path(client, path, worded):
    """Every first-meeting question of the path, worded for it, with boxes to tick."""
    from prep.questionnaire.paper import paper_pages

    response = client.get(f"/paper.pdf?lang=sv&path={path}")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = " ".join(pdftotext(response.data).split())
    with client.application.test_request_context("/?lang=sv"):
        labels = [" ".join(str(e.question.label).split()) for p in paper_pages(path)
                  for e in p.questions]
    assert labels and all(label in text for label in labels), [
        label for label in labels if label not in text]
    assert worded in text
    assert "Kryssa för ett svar." in text and "Bara om det passar dig." in text
    with client.application.test_request_context("/?lang=sv"):
        follow_up = str(Q.page("plan-goals").title)
    assert follow_up not in text  # pages only a follow-up meeting asks are not on paper
    reader = PdfReader(io.BytesIO(response.data))
    assert reader.trailer["/Root"]["/Lang"] == "sv" and "/StructTreeRoot" in reader.trailer["/Root"]
    assert drawings(response.data) > 20, "the pictograms are printed too"
    arabic = client.get(f"/paper.pdf?lang=ar&path={path}")
    assert arabic.status_code == 200 and "SIP" in pdftotext(arabic.data)
    assert len(reader.pages) <= 13, "short enough to print"


def test_the_paper_carries_the_regions_name_and_only_its_organisations(tmp_path):
    from .helpers import make_app

    region = tmp_path / "region.toml"
    region.write_text('region_name = "Region Värmland"\ncontact_phone = "054-61 40 00"\n'
                      'organisations = ["social_services", "school"]\n', encoding="utf-8")
    app = make_app(f"sqlite:///{tmp_path / 'r.sqlite3'}", REGION_CONFIG=str(region))
    data = app.test_client().get("/paper.pdf?lang=sv&path=self").data
    first = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "Region Värmland" in first and "054-61 40 00" in first
    text = " ".join(pdftotext(data).split())
    assert "Socialtjänsten" in text and "Skola, förskola eller elevhälsa" in text
    for turned_off in ("Vårdcentral", "Försäkringskassan", "Psykiatrin för vuxna"):
        assert turned_off not in text, turned_off


def test_the_meeting_needs_box_shows_the_pictograms(client):
    prepare(client)
    client.post("/questions/meeting-support", data={"meeting_support": ["interpreter", "breaks"]})
    with_pictures = drawings(client.get("/pdf").data)
    client.post("/questions/meeting-support", data={"meeting_support": ["other"]})
    assert with_pictures >= drawings(client.get("/pdf").data) + 2


def _runs(data: bytes) -> list[tuple[str, str]]:
    """Every piece of text the PDF draws, with the name of the font it is drawn in."""
    runs: list[tuple[str, str]] = []
    for page in PdfReader(io.BytesIO(data)).pages:
        def visit(text, cm, tm, font, size):  # noqa: ANN001 (pypdf's visitor)
            if text.strip() and font is not None:
                runs.append((text, str(font.get("/BaseFont", ""))))
        page.extract_text(visitor_text=visit)
    return runs


def test_emoji_print_with_an_emoji_font_and_digits_stay_in_noto_sans(client):
    prepare(client)
    client.post("/questions/goals", data={"goals": "Glad 😀 hund 🐕 ❤️ 👍🏽 ✅ ☕ 30 minuter"})
    data = client.get("/pdf").data
    names = " ".join(line.split()[0] for line in pdffonts(data))
    assert "Noto-Color-Emoji" in names, names
    emoji = "😀🐕❤👍✅☕"
    for text, font in _runs(data):
        if any(char in emoji for char in text):
            assert "Emoji" in font, (text, font)
        if any(char.isdigit() for char in text):
            assert "Emoji" not in font, f"digits printed with the emoji font: {text!r}"
    printed = pdftotext(data)
    emoji_cmap = TTFont("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf").getBestCmap()
    missing = {c for c in printed if not c.isspace() and not covered(c)
               and ord(c) not in emoji_cmap and c not in "\u200d\ufe0f"}
    assert not missing, sorted(missing)


def test_a_long_word_and_a_long_address_stay_on_the_page(client):
    prepare(client)
    word, address = "Långtordutanmellanrum" * 15, "https://example.com/" + "sökväg/" * 40
    client.post("/questions/goals", data={"goals": f"{word} {address}"})
    data = client.get("/pdf").data
    # Text outside the page is not extracted: all of it is there only if it was wrapped.
    printed = "".join(pdftotext(data).split())
    assert word in printed and address in printed, "part of a long word ran off the page"


THAI_WORDS = ("ฉัน", "อยาก", "อยู่", "บ้าน", "ของ", "ตัวเอง", "และ", "ทำงาน", "ใน", "ร้าน",
              "กาแฟ", "ใกล้")


def test_thai_lines_break_between_words(client):
    """Thai is written without spaces between words: a line must still end between two
    words (Pango asks libthai where they are), never inside one."""
    prepare(client, lang="th")
    sentence = "".join(THAI_WORDS) + "บ้าน"
    client.post("/questions/goals", data={"goals": sentence * 8})
    text = subprocess.run(["pdftotext", "-raw", "-", "-"],
                          input=client.get("/pdf?lang=th").data,
                          capture_output=True, check=True).stdout.decode()
    # Extraction reads the glyph of า as ำ (the font draws ำ with it): compare as such.
    def same(t: str) -> str:
        return t.replace("ำ", "า")
    words = tuple(same(word) for word in THAI_WORDS)
    lines = [same(line.strip()) for line in text.splitlines()
             if len(line.strip()) > 30 and set(same(line.strip())) <= set(same(sentence))]
    assert len(lines) >= 3, "the answer wraps over several lines"
    for line in lines:
        assert line.startswith(words), f"a line starts inside a word: {line[:12]!r}"
