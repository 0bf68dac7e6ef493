"""Static HTML for a review tool: the mount, and the fallback read without JavaScript.

Without JavaScript the tool is a paper checklist: every question with boxes
for the four answers, and under each, folded away, the risk if the answer is
not a clear yes and the questions to ask. A tool with stages lists them
first, and each item says from which stage it is due and what to ask for
before then. The ratings are listed in words.
"""

from __future__ import annotations

from html import escape

from ..mount import mount_html
from .data import payload, revision
from .model import Tool

PERSISTED = ["answers", "stage"]


def tool_html(tool: Tool) -> str:
    return mount_html("tool", tool.id, revision(tool), {"tool": payload(tool)}, PERSISTED, fallback_html(tool))


def fallback_html(tool: Tool) -> str:
    parts = [
        '<div class="br-tool br-fallback">',
        f'<p class="br-quiz-title">{escape(tool.title)}</p>',
        f'<p class="br-quiz-description">{escape(tool.intro)}</p>',
        '<noscript><p class="br-note">With JavaScript on, this tool gives a rating and gathers your gaps and '
        "questions as you answer. Without it, use it as a checklist: tick one box a question, then open "
        "“If the answer is not a clear yes” for the risk and the questions to ask.</p></noscript>",
    ]
    if tool.stages:
        stages = "".join(f"<li><strong>{escape(s.label)}.</strong> {escape(s.help)}</li>" for s in tool.stages)
        parts.append(f'<p class="br-tool-stage-question"><strong>{escape(tool.stage_question)}</strong> '
                     "Tick one, then answer only the questions due at it.</p>"
                     f'<ul class="br-boxes br-stage-boxes">{stages}</ul>')
    labels = {s.id: s.label for s in tool.stages}
    boxes = "".join(f"<li>{escape(option.label)}</li>" for option in tool.scale)
    section = None
    for number, item in enumerate(tool.items, start=1):
        if item.section != section:
            if section is not None:
                parts.append("</ol>")
            section = item.section
            parts.append(f'<h3 class="br-tool-section">{escape(section)}</h3><ol class="br-tool-items" start="{number}">')
        asks = "".join(f"<li>{escape(q)}</li>" for q in item.ask)
        parts.append(
            f'<li class="br-tool-item"><p><strong>{number}. {escape(item.question)}</strong></p>'
            + (f'<p class="br-hint">{escape(item.help)}</p>' if item.help else "")
            + (f'<p class="br-due">Due from: {escape(labels[item.due_from])}. Before then, {escape(_lower_first(item.before_due))}</p>'
               if item.due_from and item.before_due and item.due_from in labels else "")
            + f'<ul class="br-boxes">{boxes}</ul>'
            + f"<details><summary>If the answer is not a clear yes</summary><p>{escape(item.gap)}</p>"
            + f"<p>Questions for {escape(tool.asks_whom)}:</p><ul>{asks}</ul></details></li>"
        )
    parts.append("</ol>")
    parts.append(f'<h3 class="br-tool-section">{escape(tool.rating_name)}: the ratings, best first</h3><dl>')
    for rating in tool.ratings:
        parts.append(f"<dt>{escape(rating.label)}</dt><dd>{escape(rating.meaning)}</dd>")
    parts.append("</dl><p>If two in five or more of the questions due are answered “We do not know”, give no rating: "
                 "find that evidence first.</p></div>")
    return "".join(parts)


def _lower_first(text: str | None) -> str:
    return text[:1].lower() + text[1:] if text else ""
