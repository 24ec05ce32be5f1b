"""PDF budget: a full summary warm (median of 20), a cached repeat, cost against text length,
and a worker's memory over many renders. Prints figures; asserts nothing.

    .venv/bin/python bench/pdf_bench.py [--renders 1000]
"""

from __future__ import annotations

import argparse
import io
import resource
import statistics
import tempfile
import time

from pypdf import PdfReader

from prep import create_app
from prep.keeping import crypto
from prep.outputs import pdf
from prep.outputs.summary import build
from prep.questionnaire import flow
from prep.questionnaire.definition import QUESTIONNAIRE as Q


def full_answers(text_chars: int = 160) -> dict:
    """Every question of the guardian path (the longest) answered, each free text about
    ``text_chars`` long (two sentences)."""
    sentence = "Min son tycker om att spela fotboll och behöver lugna morgnar. "
    text = (sentence * (text_chars // len(sentence) + 1))[:text_chars]
    answers: dict = {"meeting_kind": "first", "preparing_for": "guardian",
                     "consent": "yes_with_limits",
                     "meeting_support": ["interpreter", "pictures", "breaks"],
                     "support_now": ["school", "health_centre", "habilitation"],
                     "invite": ["school", "health_centre", "relative"]}
    for _ in range(3):  # conditional pages open as their answers arrive
        for page in flow.visible_pages(Q, answers):
            for question in page.visible_questions(answers):
                if question.id in answers:
                    continue
                if not question.kind.choice:
                    answers[question.id] = text[: (question.limit or len(text))]
                elif not question.kind.many:
                    answers[question.id] = question.options[0].value
    return answers


def pages(app, answers: dict) -> int:
    with app.test_request_context("/?lang=sv"):
        body = pdf.render(build(Q, answers, "sv"), "sv", expires=None, bilingual=False)
        return len(PdfReader(io.BytesIO(body)).pages)


def render_seconds(app, answers: dict) -> float:
    return render_times(app, answers)[0]


def render_times(app, answers: dict) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one render. On a shared virtual machine the wall clock
    also counts time the host gave to its other guests; the CPU time does not."""
    with app.test_request_context("/?lang=sv"):
        summary = build(Q, answers, "sv")
        start, cpu = time.perf_counter(), time.process_time()
        pdf.render(summary, "sv", expires=None, bilingual=False)
        return time.perf_counter() - start, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--renders", type=int, default=1000)
    options = parser.parse_args()
    folder = tempfile.mkdtemp()
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{folder}/b.sqlite3",
                      "SECRET_KEY": "bench",
                      "REGION_NAME": "Region Gävleborg"})
    render_seconds(app, full_answers())  # warm: fonts and stylesheet load once per process
    for label, chars in (("one sentence", 80), ("two sentences", 160)):
        answers = full_answers(chars)
        runs = [render_times(app, answers) for _ in range(20)]
        times, cpu = [wall for wall, _ in runs], [used for _, used in runs]
        text_kb = sum(len(v) for v in answers.values() if isinstance(v, str)) / 1024
        print(f"full summary, every question, {label} each ({text_kb:.1f} KB of text, "
              f"{pages(app, answers)} pages), warm, median of 20: "
              f"{statistics.median(times) * 1000:.0f} ms (min {min(times) * 1000:.0f}, "
              f"max {max(times) * 1000:.0f}; CPU {statistics.median(cpu) * 1000:.0f} ms; "
              "budget 250 ms)")
    answers = full_answers(80)
    with app.test_request_context("/?lang=sv"):
        store, owner = app.extensions["prep.store"], ("bench-draft", crypto.new_key())
        summary = build(Q, answers, "sv")
        pdf.render_kept(store, owner, summary, "sv", expires=None, bilingual=False)
        cached = []
        for _ in range(20):
            start = time.perf_counter()
            pdf.render_kept(store, owner, build(Q, answers, "sv"), "sv", expires=None,
                            bilingual=False)
            cached.append(time.perf_counter() - start)
    print(f"kept repeat (read from the database, decrypted), median of 20: "
          f"{statistics.median(cached) * 1000:.2f} ms (budget 5 ms)")

    print("free text per answer → render time:")
    for kb in (1, 5, 10, 25, 50):
        one = dict(answers, anything_else=("Lång text. " * 5000)[: kb * 1024],
                   own_questions="")
        runs = [render_times(app, one) for _ in range(3)]
        print(f"  {kb:>2} KB in one answer: "
              f"{statistics.median(wall for wall, _ in runs) * 1000:.0f} ms "
              f"(CPU {statistics.median(used for _, used in runs) * 1000:.0f} ms)")

    with app.test_request_context("/?lang=sv"):
        for path in ("self", "guardian", "helper"):
            body = pdf.paper("sv", path)
            print(f"the questions on paper, {path}: {len(PdfReader(io.BytesIO(body)).pages)} "
                  "pages")

    rss = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # noqa: E731
    start_rss = rss()
    for i in range(options.renders):
        render_seconds(app, dict(answers, anything_else=f"render {i}"))
        if i + 1 in (options.renders // 4, options.renders // 2, options.renders):
            print(f"  peak RSS after {i + 1} renders: {rss():.0f} MB")
    print(f"peak RSS before the loop {start_rss:.0f} MB, after {rss():.0f} MB")


if __name__ == "__main__":
    main()
