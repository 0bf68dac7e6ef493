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
    """The quiz without JavaScript: each answer folded in a <details> under its
    question. Printed, the questions come without answers and the answers are
    gathered at the end (``br-print-answers``), ready to be handed out apart."""
    parts = ['<div class="br-quiz br-fallback">', f'<p class="br-quiz-title">{escape(bank.title)}</p>']
    if bank.description:
        parts.append(f'<p class="br-quiz-description">{escape(bank.description)}</p>')
    parts.append(
        '<noscript><p class="br-note">This quiz marks your answers when JavaScript is on. '
        "Without it, open “Answer and explanation” under each question to check yourself.</p></noscript>"
    )
    parts.append('<ol class="br-questions">')
    total = len(bank.questions)
    answers = []
    for number, question in enumerate(bank.questions, start=1):
        parts.append('<li class="br-question">')
        parts.append(f'<p class="br-prompt"><span class="br-qnum">Question {number} of {total}.</span> ')
        parts.append(f"{escape(question.prompt)}{_instruction(question)}</p>")
        parts.append(_choices(question))
        source = ""
        if question.source:
            source = (
                f'<p class="br-source">Source: <a href="{escape(str(question.source.url))}">'
                f"{escape(question.source.title)}</a></p>"
            )
        parts.append("<details><summary>Answer and explanation</summary>")
        parts.append(f"{_answer(question)}<p>{escape(question.explanation)}</p>{source}</details></li>")
        answers.append(
            f"<li>{_answer_in_brief(question)}<p>{escape(question.explanation)}</p></li>"
        )
    parts.append("</ol>")
    parts.append(
        f'<div class="br-print-answers"><p class="br-quiz-title">Answers: {escape(bank.title)}</p>'
        f'<ol>{"".join(answers)}</ol></div>'
    )
    parts.append("</div>")
    return "".join(parts)


def _answer_in_brief(question) -> str:
    """The right answer alone, as a block of HTML."""
    if isinstance(question, Matching):
        options = {o.id: o.text for o in question.options}
        pairs = "".join(f"<li>{escape(i.text)} \u2192 {escape(options[question.answer[i.id]])}</li>" for i in question.items)
        return f"<p><strong>Answers:</strong></p><ul>{pairs}</ul>"
    if isinstance(question, (SingleChoice, MultipleAnswer)):
        right = {question.answer} if isinstance(question, SingleChoice) else set(question.answer)
        text = "; ".join(escape(o.text) for o in question.options if o.id in right)
    elif isinstance(question, TrueFalse):
        text = "True" if question.answer else "False"
    else:
        text = " or ".join(f"“{escape(a)}”" for a in question.answer)
    return f"<p><strong>Answer:</strong> {text}</p>"


def _instruction(question) -> str:
    if isinstance(question, MultipleAnswer):
        return " (Select all that apply.)"
    if isinstance(question, TrueFalse):
        return " (True or false?)"
    return ""


def _choices(question) -> str:
    if isinstance(question, (SingleChoice, MultipleAnswer)):
        return '<ul class="br-choices">' + "".join(f"<li>{escape(o.text)}</li>" for o in question.options) + "</ul>"
    if isinstance(question, Matching):
        items = "".join(f"<li>{escape(i.text)}</li>" for i in question.items)
        options = "".join(f"<li>{escape(o.text)}</li>" for o in question.options)
        return f'<p>Match these:</p><ul>{items}</ul><p>to these:</p><ul class="br-choices">{options}</ul>'
    return ""


def _answer(question) -> str:
    """The answer and the feedback on every option, for the <details> under a question."""
    brief = _answer_in_brief(question)
    if isinstance(question, (SingleChoice, MultipleAnswer)):
        right = {question.answer} if isinstance(question, SingleChoice) else set(question.answer)
        notes = "".join(
            f"<li><strong>{escape(o.text)}</strong> ({'correct' if o.id in right else 'incorrect'}): "
            f"{escape(o.feedback)}</li>"
            for o in question.options
        )
        return f"{brief}<ul>{notes}</ul>"
    if isinstance(question, TrueFalse):
        return (
            f"{brief}<ul><li><strong>If you said true:</strong> {escape(question.if_true)}</li>"
            f"<li><strong>If you said false:</strong> {escape(question.if_false)}</li></ul>"
        )
    if isinstance(question, Matching):
        notes = "".join(f"<li><strong>{escape(i.text)}</strong>: {escape(i.feedback)}</li>" for i in question.items)
        return f"{brief}<ul>{notes}</ul>"
    assert isinstance(question, ShortAnswer)
    wrong = "".join(
        f"<li><strong>If you said {' or '.join(escape(a) for a in w.answers)}:</strong> {escape(w.feedback)}</li>"
        for w in question.common_wrong
    )
    return f"{brief}<p>{escape(question.if_correct)}</p>" + (f"<ul>{wrong}</ul>" if wrong else "")
