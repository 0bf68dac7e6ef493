"""Marking, in Python. The JavaScript front end marks the same way for instant
feedback; results read from Python (``Quiz.results()``, result files) are
marked here again, so a facilitator never depends on what a browser claimed.

A learner's answers are a mapping of question id to
``{"response": ..., "attempts": n}``, where the response is an option id
(single), a list of option ids (multiple), a boolean (true_false), a mapping of
item id to option id (matching) or the typed text (short). Anything malformed
counts as unanswered: stored or synced data never raises here.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from .model import Bank, Matching, MultipleAnswer, ShortAnswer, SingleChoice, TrueFalse

RESULTS_FORMAT = "boardroom-results"
RESULTS_VERSION = 1


def normalise(text: str) -> str:
    """Fold case and drop spaces, hyphens and punctuation: "e-RS" and "ERS" match.

    Mirrors ``normalise`` in ``boardroom/static/quiz.js``; tests/test_quiz_browser.py
    checks both against the same cases.
    """
    folded = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] in "LN")


def valid_response(question, response: Any) -> bool:
    if isinstance(question, SingleChoice):
        return isinstance(response, str)
    if isinstance(question, MultipleAnswer):
        return isinstance(response, list) and all(isinstance(r, str) for r in response)
    if isinstance(question, TrueFalse):
        return isinstance(response, bool)
    if isinstance(question, Matching):
        return isinstance(response, dict) and all(isinstance(v, str) for v in response.values())
    if isinstance(question, ShortAnswer):
        return isinstance(response, str) and normalise(response) != ""
    return False


def is_correct(question, response: Any) -> bool:
    if not valid_response(question, response):
        return False
    if isinstance(question, (SingleChoice, TrueFalse)):
        return response == question.answer
    if isinstance(question, MultipleAnswer):
        return set(response) == set(question.answer)
    if isinstance(question, Matching):
        return all(response.get(item) == option for item, option in question.answer.items())
    return normalise(response) in {normalise(a) for a in question.answer}


def response_text(question, response: Any) -> str:
    """The learner's answer in words, for a CSV or a summary."""
    if not valid_response(question, response):
        return ""
    if isinstance(question, TrueFalse):
        return "True" if response else "False"
    if isinstance(question, ShortAnswer):
        return response
    if isinstance(question, Matching):
        options = {o.id: o.text for o in question.options}
        return "; ".join(
            f"{item.text} = {options.get(response.get(item.id), '(no match)')}" for item in question.items
        )
    options = {o.id: o.text for o in question.options}
    chosen = [response] if isinstance(question, SingleChoice) else response
    return "; ".join(options.get(c, c) for c in chosen)


def results(bank: Bank, answers: Any, revision: str) -> dict[str, Any]:
    """The learner's results in the shared results format (also what the browser downloads)."""
    answers = answers if isinstance(answers, dict) else {}
    rows = []
    for question in bank.questions:
        entry = answers.get(question.id)
        entry = entry if isinstance(entry, dict) else {}
        response = entry.get("response")
        answered = valid_response(question, response)
        attempts = entry.get("attempts")
        rows.append(
            {
                "id": question.id,
                "type": question.type,
                "prompt": question.prompt,
                "answered": answered,
                "correct": is_correct(question, response),
                "attempts": attempts if isinstance(attempts, int) and attempts >= 0 else int(answered),
                "response": response if answered else None,
                "response_text": response_text(question, response),
            }
        )
    return {
        "format": RESULTS_FORMAT,
        "version": RESULTS_VERSION,
        "component": "quiz",
        "bank": bank.id,
        "title": bank.title,
        "revision": revision,
        "score": sum(r["correct"] for r in rows),
        "answered": sum(r["answered"] for r in rows),
        "total": len(rows),
        "questions": rows,
    }
