"""Apply a review tool's rules to a reader's answers.

``boardroom/static/tool.js`` applies the same rules in the browser; the tests
compare the two on every example and on many generated sets of answers.
"""

from __future__ import annotations

from typing import Any

from ..quiz.scoring import RESULTS_FORMAT, RESULTS_VERSION
from .model import Tool

# Floating-point shares such as 24/28 are compared with a little give, the
# same in tool.js, so a share that equals a band's floor earns the band.
EPSILON = 1e-9
UNKNOWN_NOTE = "Not knowing is itself a finding: the board should expect to know this."


def valid_answers(tool: Tool, answers: Any) -> dict[str, str]:
    """The answers that name an item and a point of the scale; anything else is ignored."""
    if not isinstance(answers, dict):
        return {}
    scale = {s.id for s in tool.scale}
    return {i.id: answers[i.id] for i in tool.items if answers.get(i.id) in scale}


def rating_index(tool: Tool, answers: dict[str, str]) -> tuple[int, float, list[str]]:
    """(index of the rating in tool.ratings, share of the points, ids of the items that capped it)."""
    points = {s.id: s.points for s in tool.scale}
    most = max(points.values()) * len(tool.items)
    share = sum(points[a] for a in answers.values()) / most if most else 0.0
    band = next(i for i, r in enumerate(tool.ratings) if share + EPSILON >= r.min_share or i == len(tool.ratings) - 1)
    order = {r.id: i for i, r in enumerate(tool.ratings)}
    caps = [(order[item.caps[answers[item.id]]], item.id) for item in tool.items
            if item.id in answers and answers[item.id] in item.caps]
    worst = max((c for c, _ in caps), default=-1)
    if worst > band:
        return worst, share, [item_id for c, item_id in caps if c == worst]
    return band, share, []


def assess(tool: Tool, answers: Any, revision: str = "") -> dict[str, Any]:
    """The reader's result in the shared results format (also what the browser downloads)."""
    given = valid_answers(tool, answers)
    labels = {s.id: s.label for s in tool.scale}
    points = {s.id: s.points for s in tool.scale}
    complete = len(given) == len(tool.items)
    index, share, capped_by = rating_index(tool, given)
    rating = tool.ratings[index] if complete else None
    rows = []
    for order, item in enumerate(tool.items):
        answer = given.get(item.id)
        if answer is None:
            finding = None
        elif answer == "full":
            finding = "strength"
        else:
            finding = "gap"
        rows.append({
            "id": item.id,
            "section": item.section,
            "question": item.question,
            "answer": answer,
            "answer_text": labels.get(answer, "") if answer else "",
            "points": points[answer] if answer else 0,
            "finding": finding,
            "text": item.strength if finding == "strength" else item.gap if finding == "gap" else "",
            "ask": list(item.ask) if finding == "gap" else [],
            "capped": item.id in capped_by,
            "order": order,
        })
    gaps = sorted((r for r in rows if r["finding"] == "gap"), key=lambda r: (not r["capped"], r["points"], r["order"]))
    for r in rows:
        del r["order"]
    return {
        "format": RESULTS_FORMAT,
        "version": RESULTS_VERSION,
        "component": "tool",
        "tool": tool.id,
        "title": tool.title,
        "revision": revision,
        "answered": len(given),
        "total": len(tool.items),
        "complete": complete,
        "share": share,
        "rating": rating.id if rating else None,
        "rating_label": rating.label if rating else None,
        "capped_by": capped_by if complete else [],
        "strengths": [r["id"] for r in rows if r["finding"] == "strength"],
        "gaps": [r["id"] for r in gaps],
        "items": rows,
    }
