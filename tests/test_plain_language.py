"""Plain Swedish: every question (with its hints) and every page scores LIX 40 or less.

LIX needs a text to count sentences in, so it is measured on each question together with
its hints, and on the whole text of each page as the person reads it in Swedish.
"""

from __future__ import annotations

import statistics

from flask_babel import force_locale

from prep.questionnaire import flow
from prep.questionnaire.definition import QUESTIONNAIRE as Q

from .helpers import PATHS, make_link, seed
from .lix import lix

LIMIT = 40
INFO_PAGES = ("/", "/what-is-sip", "/privacy", "/accessibility", "/about", "/answers/load")


def _questions(app) -> dict[str, str]:
    texts = {}
    with app.test_request_context("/?lang=sv"), force_locale("sv"):
        for path in ("self", "guardian", "helper"):
            for page in Q.pages:
                for question in page.worded_for(path).questions:
                    if not str(question.label).rstrip().endswith(("?", ".", ":")):
                        continue  # a name as a label ("Socialtjänsten"): no sentence to score
                    parts = [str(question.label), str(question.hint or "")]
                    parts += [str(option.hint) for option in question.options if option.hint]
                    texts[f"{path}: {question.id}"] = "\n".join(p for p in parts if p)
    return texts


_BLOCKS = {"h1", "h2", "h3", "p", "li", "label", "legend", "button", "a", "dt", "dd", "summary"}


def _main_text(response) -> str:
    """The text of <main>, one line per block (a heading, a list item, a label …)."""
    main = response.doc.find(".//main")
    lines = []
    for element in main.iter():
        if element.tag in _BLOCKS and not any(e.tag in _BLOCKS for e in element.iter()
                                              if e is not element):
            lines.append(" ".join("".join(element.itertext()).split()))
    return "\n".join(line for line in lines if line)


def _pages(app, client) -> dict[str, str]:
    texts = {url: _main_text(client.get(url + "?lang=sv")) for url in INFO_PAGES}
    for path, answers in PATHS.items():
        seed(app, client, answers, lang="sv")
        for page in flow.visible_pages(Q, answers):
            texts[f"{path}: /questions/{page.id}"] = _main_text(client.get(f"/questions/{page.id}"))
        for url in ("/check", "/done", "/delete"):
            texts[f"{path}: {url}"] = _main_text(client.get(url))
        link = make_link(client)
        texts[f"{path}: the contact person's page"] = _main_text(app.test_client().get(link))
        texts[f"{path}: resume link"] = _main_text(
            app.test_client().get(make_link(client, "resume")))
    # Sharing a part (the self path invites the school): who, what, the preview.
    seed(app, client, PATHS["self"], lang="sv")
    texts["a link for whom"] = _main_text(client.get("/links/new"))
    chosen = {"recipient": "invitee:school", "parts": ["card", "consent"], "days": "7"}
    texts["what a link shows"] = _main_text(client.post("/links/new", data=chosen))
    texts["a link's preview"] = _main_text(client.post("/links/new/parts", data=chosen))
    return texts


def _report(name: str, scores: dict[str, float]) -> None:
    values = sorted(scores.values())
    bands = {f"{low}–{low + 9}": sum(low <= v < low + 10 for v in values)
             for low in range(0, 50, 10)}
    print(f"\nLIX of {len(values)} {name}: median {statistics.median(values):.0f}, "
          f"highest {values[-1]:.0f}; " + ", ".join(f"{k}: {n}" for k, n in bands.items()))


def test_every_question_with_its_hints_is_easy_to_read(app):
    scores = {key: lix(text) for key, text in _questions(app).items()}
    _report("questions with their hints", scores)
    hard = {key: round(score) for key, score in scores.items() if score > LIMIT}
    assert not hard, hard


def test_every_page_is_easy_to_read(app, client):
    scores = {key: lix(text) for key, text in _pages(app, client).items()}
    _report("pages", scores)
    hard = {key: round(score) for key, score in scores.items() if score > LIMIT}
    assert not hard, hard
