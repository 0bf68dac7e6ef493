"""The quiz in the built book, driven in Debian's Chromium as a learner would.

Expectations come from the question bank itself, so the tests follow the
course text as it changes. Every test runs on 127.0.0.1 with other hosts
blocked; the `visit` fixture fails a test that tried to leave or logged errors.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from boardroom.quiz.banks import load_bank, revision
from boardroom.quiz.render import quiz_html
from boardroom.quiz.scoring import normalise, results
from resultfiles import wrong as wrong_response

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
BANK = load_bank(ROOT / "exercises" / "quizzes" / "why-the-board.yml")
PAGE = "book/why-the-board/two-better-decisions.html"
# Where earlier versions of the book kept this quiz's answers: moved into the
# learning record's store (boardroom.record) when a page loads, or dropped if unreadable.
STORAGE_KEY = f"boardroom.v1.quiz.{BANK.id}"
CASES = json.loads((Path(__file__).parent / "fixtures" / "normalise_cases.json").read_text(encoding="utf-8"))


def first(kind: str):
    return next(q for q in BANK.questions if q.type == kind)


def right_response(q):
    if q.type == "short":
        # typed the way a hurried learner might: other case, stray hyphens and spaces
        return "-" + " ".join(q.answer[0].upper()) + " "
    return q.answer if q.type != "multiple" else list(q.answer)


def question(page, q):
    return page.locator(f"#br-{BANK.id}-{q.id}")


def respond(page, q, response):
    """Answer one question with the mouse and check it."""
    box = question(page, q)
    if q.type == "single":
        box.get_by_label(next(o.text for o in q.options if o.id == response), exact=True).check()
    elif q.type == "multiple":
        for o in q.options:
            box.get_by_label(o.text, exact=True).set_checked(o.id in response)
    elif q.type == "true_false":
        box.get_by_label("True" if response else "False", exact=True).check()
    elif q.type == "matching":
        options = {o.id: o.text for o in q.options}
        for item in q.items:
            box.get_by_label(item.text, exact=True).select_option(label=options[response[item.id]])
    else:
        box.get_by_label("Your answer").fill(response)
    box.get_by_role("button", name="Check answer").click()


def score_text(page) -> str:
    return page.locator(".br-score").inner_text()


@pytest.fixture
def quiz(visit, site):
    v = visit()
    v.page.goto(site + PAGE)
    v.page.locator(".boardroom-component .br-quiz").wait_for()
    return v.page


def test_wrong_then_right_answer_gives_teaching_feedback_and_score(quiz):
    q = first("single")
    total = len(BANK.questions)
    assert score_text(quiz) == f"Score: 0 of {total} correct (0 answered)."
    wrong = wrong_response(q)
    respond(quiz, q, wrong)
    feedback = question(quiz, q).locator(".br-feedback")
    assert feedback.locator(".br-verdict").inner_text() == "Not quite."
    assert next(o.feedback for o in q.options if o.id == wrong) in feedback.inner_text()
    assert q.explanation in feedback.inner_text()
    assert question(quiz, q).get_by_text("Your answer: not correct").is_visible()
    assert score_text(quiz) == f"Score: 0 of {total} correct (1 answered)."

    question(quiz, q).get_by_role("button", name="Try again").click()
    respond(quiz, q, q.answer)
    assert feedback.locator(".br-verdict").inner_text() == "Correct."
    assert score_text(quiz) == f"Score: 1 of {total} correct (1 answered)."


def test_every_question_type_is_marked_and_results_download_match_python(quiz):
    responses = {}
    for index, q in enumerate(BANK.questions):
        response = right_response(q) if index % 2 == 0 else wrong_response(q)
        respond(quiz, q, response)
        responses[q.id] = response
        verdict = question(quiz, q).locator(".br-verdict").inner_text()
        assert verdict == ("Correct." if index % 2 == 0 else "Not quite."), q.id

    with quiz.expect_download() as download:
        quiz.get_by_role("button", name="Download my results (JSON)").click()
    saved = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert download.value.suggested_filename == f"{BANK.id}-results.json"
    expected = results(BANK, {qid: {"response": r, "attempts": 1} for qid, r in responses.items()}, revision(BANK))
    saved.pop("saved_at")
    assert saved == expected  # the browser marks exactly as Python does
    assert saved["score"] == (len(BANK.questions) + 1) // 2

    with quiz.expect_download() as download:
        quiz.get_by_role("button", name="Download my results (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    assert [r["question"] for r in rows] == [q.id for q in BANK.questions]
    assert [r["correct"] for r in rows] == ["true" if i % 2 == 0 else "false" for i in range(len(rows))]


def test_short_answer_feedback_for_a_common_wrong_answer(quiz):
    q = first("short")
    if not q.common_wrong:
        pytest.skip("the sample bank's short question lists no common wrong answers")
    common = q.common_wrong[0]
    respond(quiz, q, common.answers[0].lower())
    assert common.feedback in question(quiz, q).locator(".br-feedback").inner_text()


def test_javascript_marks_exactly_as_python(quiz):
    same = quiz.evaluate(
        "cases => cases.map(([a, b]) => { const n = BoardroomComponents.quiz.normalise;"
        " return n(a) === n(b) && n(b) !== ''; })",
        CASES,
    )
    assert same == [match for _, _, match in CASES]
    assert quiz.evaluate("s => BoardroomComponents.quiz.normalise(s)", "Caf\u00e9 e-RS") == normalise("Caf\u00e9 e-RS")


def test_progress_survives_a_reload_and_reset_clears_it(quiz):
    q, other = BANK.questions[0], BANK.questions[1]
    respond(quiz, q, right_response(q))
    quiz.reload()
    box = question(quiz, q)
    assert box.locator(".br-verdict").inner_text() == "Correct."
    # a right answer leaves nothing to try again (the whole quiz can still be reset)
    assert box.get_by_role("button", name="Try again").count() == 0
    assert score_text(quiz).startswith("Score: 1 of")

    # a draft in another question is not lost when a third is checked
    respond(quiz, other, right_response(other))
    quiz.get_by_role("button", name="Reset quiz").click()
    quiz.get_by_role("button", name="Yes, clear my answers").click()
    assert score_text(quiz) == f"Score: 0 of {len(BANK.questions)} correct (0 answered)."
    assert box.get_by_role("button", name="Check answer").is_visible()
    quiz.reload()
    assert score_text(quiz).startswith("Score: 0 of")


@pytest.mark.parametrize(
    "stored",
    [
        "{not json",
        "[]",
        "null",
        '{"revision": "0ld", "state": {"answers": {"%s": {"response": "a"}}, "score": 99}}' % BANK.questions[0].id,
        '{"revision": "%s", "state": {"answers": {"%s": {"response": {"x": 1}}, "nope": 3}, "score": "x"}}'
        % (revision(BANK), BANK.questions[0].id),
        '{"revision": "%s", "state": "text"}' % revision(BANK),
    ],
    ids=["not-json", "array", "null", "stale-revision", "wrong-shapes", "state-not-object"],
)
def test_corrupted_or_stale_storage_is_ignored(visit, site, stored):
    v = visit()
    v.context.add_init_script(f"localStorage.setItem({json.dumps(STORAGE_KEY)}, {json.dumps(stored)})")
    v.page.goto(site + PAGE)
    assert score_text(v.page) == f"Score: 0 of {len(BANK.questions)} correct (0 answered)."
    q = BANK.questions[0]
    respond(v.page, q, right_response(q))
    assert score_text(v.page).startswith("Score: 1 of")
    kept = json.loads(v.page.evaluate("localStorage.getItem('boardroom.record')"))["components"][f"quiz.{BANK.id}"]
    assert kept["revision"] == revision(BANK) and kept["state"]["score"] == 1


def test_without_javascript_the_quiz_is_readable_with_answers_in_details(visit, site):
    v = visit(java_script_enabled=False)
    v.page.goto(site + PAGE)
    fallback = v.page.locator(".boardroom-mount .br-fallback")
    assert fallback.is_visible()
    assert fallback.locator("details").count() == len(BANK.questions)
    assert v.page.get_by_text(BANK.questions[0].prompt).is_visible()
    explanation = fallback.locator("details").first.get_by_text(BANK.questions[0].explanation)
    assert not explanation.is_visible()  # folded until the reader opens it
    fallback.locator("summary").first.click()
    assert explanation.is_visible()
    # the copy of the answers gathered for printing stays out of sight on screen
    assert not fallback.locator(".br-print-answers").is_visible()


def _tab_into_quiz(page, limit=250):
    """Press Tab from the top of the page until focus is inside the quiz."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('.br-question')"):
            return
    raise AssertionError("Tab never reached the quiz")


def _focused(page) -> str:
    return page.evaluate("document.activeElement.id || document.activeElement.textContent")


def test_the_whole_quiz_can_be_done_by_keyboard_alone(visit, site):
    v = visit()
    page = v.page
    page.goto(site + PAGE)
    _tab_into_quiz(page)
    for q in BANK.questions:
        prefix = f"br-{BANK.id}-{q.id}"
        assert _focused(page).startswith(prefix), (q.id, _focused(page))
        shown = _shown_order(page, q)  # options are shuffled: go by what the learner sees
        if q.type in ("single", "true_false"):
            target = shown.index(q.answer if q.type == "single" else str(q.answer).lower())
            page.keyboard.press("Space")
            for _ in range(target):
                page.keyboard.press("ArrowDown")
            page.keyboard.press("Tab")
        elif q.type == "multiple":
            for option_id in shown:
                if option_id in q.answer:
                    page.keyboard.press("Space")
                page.keyboard.press("Tab")
        elif q.type == "matching":
            for item in q.items:
                for _ in range(shown.index(q.answer[item.id]) + 1):
                    page.keyboard.press("ArrowDown")
                page.keyboard.press("Tab")
        else:
            page.keyboard.type(q.answer[0])
        assert page.evaluate("document.activeElement.textContent") == "Check answer" or q.type == "short"
        page.keyboard.press("Enter")
        # focus moves to the feedback that was just given: there is nothing to try again
        assert page.evaluate("document.activeElement.id") == f"br-{BANK.id}-{q.id}-feedback", q.id
        assert question(page, q).locator(".br-verdict").inner_text() == "Correct.", q.id
        page.keyboard.press("Tab")
        # the feedback's source link, if any, comes next; then the next question
        while page.evaluate("document.activeElement.closest('.br-feedback') !== null"):
            page.keyboard.press("Tab")
    assert score_text(page) == f"Score: {len(BANK.questions)} of {len(BANK.questions)} correct ({len(BANK.questions)} answered)."
    # the last question's feedback reached screen readers through the live region
    last = BANK.questions[-1]
    teaching = {
        "single": lambda q: next(o.feedback for o in q.options if o.id == q.answer),
        "multiple": lambda q: q.options[0].feedback,
        "true_false": lambda q: q.if_true if q.answer else q.if_false,
        "matching": lambda q: q.items[0].feedback,
        "short": lambda q: q.if_correct,
    }[last.type](last)
    total = len(BANK.questions)
    expect(page.locator(".br-quiz [role=status]")).to_contain_text(teaching)
    expect(page.locator(".br-quiz [role=status]")).to_contain_text(f"Score: {total} of {total}.")


def test_focus_is_visible_on_quiz_controls(quiz):
    quiz.keyboard.press("Tab")  # make the browser use keyboard focus styles
    button = question(quiz, BANK.questions[0]).get_by_role("button", name="Check answer")
    button.focus()
    outline = button.evaluate("b => getComputedStyle(b).outlineStyle + ' ' + getComputedStyle(b).outlineWidth")
    assert outline.startswith("solid") and not outline.endswith(" 0px")


def _shown_order(page, q) -> list[str]:
    """The option ids of a question in the order the page shows them."""
    if q.type == "matching":
        values = question(page, q).locator("select").first.locator("option")
        return [v for v in values.evaluate_all("els => els.map((e) => e.value)") if v]
    return question(page, q).locator("input").evaluate_all("els => els.map((e) => e.value)")


def _option_orders(page) -> dict[str, list[str]]:
    orders = {}
    for q in BANK.questions:
        if q.type in ("single", "multiple"):
            orders[q.id] = question(page, q).locator(".br-choice label").all_inner_texts()
    return orders


@pytest.fixture
def harness(book):
    """A bare page in the built site holding a quiz made in the test; removed afterwards."""
    path = book.html / "test-harness.html"
    yield path
    path.unlink(missing_ok=True)


def test_shuffled_options_keep_their_order_for_the_session(visit, site, harness):
    shuffled = BANK.model_copy(update={"shuffle": True})
    harness.write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shuffle</title>'
        '<link rel="stylesheet" href="_static/boardroom.css"><script defer src="_static/boardroom.js"></script>'
        f"</head><body><main>{quiz_html(shuffled)}</main></body></html>",
        encoding="utf-8",
    )
    source = {q.id: [o.text for o in q.options] for q in BANK.questions if q.type in ("single", "multiple")}

    def orders_with_seed(seed: str) -> tuple[dict, dict]:
        v = visit()
        v.context.add_init_script(f"sessionStorage.setItem('boardroom.v1.seed', '{seed}')")
        v.page.goto(site + harness.name)
        before = _option_orders(v.page)
        v.page.reload()
        return before, _option_orders(v.page)

    first_load, reloaded = orders_with_seed("12345")
    assert first_load == reloaded  # the same learner session sees the same order
    assert first_load != source  # and it is shuffled
    assert all(sorted(first_load[k]) == sorted(source[k]) for k in source)  # nothing lost
    other_seed, _ = orders_with_seed("999")
    assert other_seed != first_load  # another session gets another order

    v = visit()
    v.page.goto(site + harness.name)
    q = first("single")
    respond(v.page, q, q.answer)  # marking follows the option, not its position
    assert question(v.page, q).locator(".br-verdict").inner_text() == "Correct."
