"""Static HTML for a quiz: the mount, and the fallback read without JavaScript.

The fallback is a complete, readable quiz: every question with its options,
and the answer, each option's feedback and the explanation folded away in a
``<details>`` element, so a reader can try the question before opening it.
"""

from __future__ import annotations

from html import escape

from ..mount import mount_html
from .banks import payload, revision
from .model import Bank, Matching, MultipleAnswer, ShortAnswer, SingleChoice, TrueFalse

PERSISTED = ["answers", "score"]


def quiz_html(bank: Bank) -> str:
    return mount_html("quiz", bank.id, revision(bank), {"bank": payload(bank)}, PERSISTED, fallback_html(bank))


def fallback_html(bank: Bank) -> str:
    parts = ['<div class="br-quiz br-fallback">', f'<p class="br-quiz-title">{escape(bank.title)}</p>']
    if bank.description:
        parts.append(f'<p class="br-quiz-description">{escape(bank.description)}</p>')
    parts.append(
        '<noscript><p class="br-note">This quiz marks your answers when JavaScript is on. '
        "Without it, open “Answer and explanation” under each question to check yourself.</p></noscript>"
    )
    parts.append('<ol class="br-questions">')
    total = len(bank.questions)
    for number, question in enumerate(bank.questions, start=1):
        parts.append(f'<li class="br-question" id="br-{bank.id}-{question.id}">')
        parts.append(f'<p class="br-prompt"><span class="br-qnum">Question {number} of {total}.</span> ')
        parts.append(f"{escape(question.prompt)}{_instruction(question)}</p>")
        parts.append(_choices(question))
        parts.append("<details><summary>Answer and explanation</summary>")
        parts.append(_answer(question))
        parts.append(f"<p>{escape(question.explanation)}</p>")
        if question.source:
            parts.append(
                f'<p class="br-source">Source: <a href="{escape(str(question.source.url))}">'
                f"{escape(question.source.title)}</a></p>"
            )
        parts.append("</details></li>")
    parts.append("</ol></div>")
    return "".join(parts)


def _instruction(question) -> str:
    if isinstance(question, MultipleAnswer):
        return " (Select all that apply.)"
    if isinstance(question, TrueFalse):
        return " (True or false?)"
    return ""


def _choices(question) -> str:
    if isinstance(question, (SingleChoice, MultipleAnswer)):
        return "<ul>" + "".join(f"<li>{escape(o.text)}</li>" for o in question.options) + "</ul>"
    if isinstance(question, Matching):
        items = "".join(f"<li>{escape(i.text)}</li>" for i in question.items)
        options = "".join(f"<li>{escape(o.text)}</li>" for o in question.options)
        return f"<p>Match these:</p><ul>{items}</ul><p>to these:</p><ul>{options}</ul>"
    return ""


def _answer(question) -> str:
    if isinstance(question, (SingleChoice, MultipleAnswer)):
        right = {question.answer} if isinstance(question, SingleChoice) else set(question.answer)
        label = "Answer" if isinstance(question, SingleChoice) else "Answers"
        answer = "; ".join(escape(o.text) for o in question.options if o.id in right)
        notes = "".join(
            f"<li><strong>{escape(o.text)}</strong> ({'correct' if o.id in right else 'incorrect'}): "
            f"{escape(o.feedback)}</li>"
            for o in question.options
        )
        return f"<p><strong>{label}:</strong> {answer}</p><ul>{notes}</ul>"
    if isinstance(question, TrueFalse):
        verdict = "True" if question.answer else "False"
        return (
            f"<p><strong>Answer:</strong> {verdict}</p><ul>"
            f"<li><strong>If you said true:</strong> {escape(question.if_true)}</li>"
            f"<li><strong>If you said false:</strong> {escape(question.if_false)}</li></ul>"
        )
    if isinstance(question, Matching):
        options = {o.id: o.text for o in question.options}
        pairs = "".join(
            f"<li><strong>{escape(i.text)}</strong>: {escape(options[question.answer[i.id]])}. "
            f"{escape(i.feedback)}</li>"
            for i in question.items
        )
        return f"<p><strong>Answers:</strong></p><ul>{pairs}</ul>"
    assert isinstance(question, ShortAnswer)
    accepted = " or ".join(f"“{escape(a)}”" for a in question.answer)
    wrong = "".join(
        f"<li><strong>If you said {' or '.join(escape(a) for a in w.answers)}:</strong> {escape(w.feedback)}</li>"
        for w in question.common_wrong
    )
    return (
        f"<p><strong>Answer:</strong> {accepted}</p><p>{escape(question.if_correct)}</p>"
        + (f"<ul>{wrong}</ul>" if wrong else "")
    )
