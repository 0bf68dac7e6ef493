"""Apply a review tool's rules to a reader's answers.

``boardroom/static/tool.js`` applies the same rules in the browser; the tests
compare the two on every example and on many generated sets of answers.

Three things decide a result besides the points and caps:

- the stage (tools with stages): items not yet due are left out of the
  score, the caps and the count of unknowns, and are shown with what to ask
  for now;
- completeness: no rating until every item due is answered;
- confidence: the share of the items due answered "We do not know". At two
  in five or more the unknowns alone could move the share of points by 40
  percentage points, more than two rating bands, so the tool gives no
  rating and leads with the evidence gaps; above one in five (limited) it
  rates but says so.
"""

from __future__ import annotations

from typing import Any

from ..quiz.scoring import RESULTS_FORMAT
from .model import Item, Tool

# Tool results changed shape in version 2 (stage, confidence, items not due);
# quiz results stay at version 1 (boardroom.quiz.scoring.RESULTS_VERSION).
TOOL_RESULTS_VERSION = 2
# Floating-point shares such as 24/28 are compared with a little give, the
# same in tool.js, so a share that equals a band's floor earns the band.
EPSILON = 1e-9
UNKNOWN_NOTE = "Not knowing is itself a finding: the board should expect to know this."
# Confidence thresholds as fifths of the items due, compared in whole numbers.
LIMITED_ABOVE_FIFTHS = 1  # more than 1 in 5 unknown: limited
LOW_FROM_FIFTHS = 2  # 2 in 5 or more unknown: low, and no rating


def stage_of(tool: Tool, stage: Any) -> str | None:
    """The stage id if the tool has stages and ``stage`` names one of them, else None."""
    return stage if isinstance(stage, str) and tool.stage(stage) is not None else None


def is_due(tool: Tool, item: Item, stage: str | None) -> bool:
    """Whether ``item`` counts at ``stage``; every item counts in a tool without stages,
    and in a tool with stages until the reader has chosen one (so findings still show)."""
    if not tool.stages or stage is None:
        return True
    order = [s.id for s in tool.stages]
    return order.index(item.due_from or order[0]) <= order.index(stage)


def valid_answers(tool: Tool, answers: Any, stage: str | None = None) -> dict[str, str]:
    """The answers that name an item due at the stage and a point of the scale; anything else is ignored."""
    if not isinstance(answers, dict):
        return {}
    scale = {s.id for s in tool.scale}
    return {i.id: answers[i.id] for i in tool.items if answers.get(i.id) in scale and is_due(tool, i, stage)}


def confidence(unknown: int, due: int) -> str:
    """'good', 'limited' or 'low', from how many of the items due are unknown."""
    if unknown * 5 >= due * LOW_FROM_FIFTHS:
        return "low"
    return "limited" if unknown * 5 > due * LIMITED_ABOVE_FIFTHS else "good"


def rating_index(tool: Tool, answers: dict[str, str], items: list[Item] | None = None) -> tuple[int, float, list[str]]:
    """(index of the rating in tool.ratings, share of the points, ids of the items that capped it),
    over ``items`` (by default every item)."""
    items = tool.items if items is None else items
    points = {s.id: s.points for s in tool.scale}
    most = max(points.values()) * len(items)
    share = sum(points[answers[i.id]] for i in items if i.id in answers) / most if most else 0.0
    band = next(i for i, r in enumerate(tool.ratings) if share + EPSILON >= r.min_share or i == len(tool.ratings) - 1)
    order = {r.id: i for i, r in enumerate(tool.ratings)}
    caps = [(order[item.caps[answers[item.id]]], item.id) for item in items
            if item.id in answers and answers[item.id] in item.caps]
    worst = max((c for c, _ in caps), default=-1)
    if worst > band:
        return worst, share, [item_id for c, item_id in caps if c == worst]
    return band, share, []


def assess(tool: Tool, answers: Any, revision: str = "", stage: Any = None) -> dict[str, Any]:
    """The reader's result in the shared results format (also what the browser downloads)."""
    stage = stage_of(tool, stage)
    due = [i for i in tool.items if is_due(tool, i, stage)]
    given = valid_answers(tool, answers, stage)
    labels = {s.id: s.label for s in tool.scale}
    points = {s.id: s.points for s in tool.scale}
    needs_stage = bool(tool.stages) and stage is None
    complete = len(given) == len(due) and not needs_stage
    unknown = sum(1 for a in given.values() if a == "unknown")
    level = confidence(unknown, len(due)) if complete else None
    index, share, capped_by = rating_index(tool, given, due)
    best, _, _ = rating_index(tool, {k: "full" if a == "unknown" else a for k, a in given.items()}, due)
    rating = tool.ratings[index] if complete and level != "low" else None
    at_best = tool.ratings[best] if complete else None
    rows = []
    for order, item in enumerate(tool.items):
        answer = given.get(item.id)
        if not is_due(tool, item, stage):
            finding = "not-due"
        elif answer is None:
            finding = None
        elif answer == "full":
            finding = "strength"
        else:
            finding = "gap"
        rows.append({
            "id": item.id,
            "section": item.section,
            "question": item.question,
            "due": finding != "not-due",
            "due_from": (item.due_from or tool.stages[0].id) if tool.stages else None,
            "answer": answer,
            "answer_text": labels.get(answer, "") if answer else "",
            "points": points[answer] if answer else 0,
            "finding": finding,
            "text": item.strength if finding == "strength" else item.gap if finding == "gap" else "",
            "ask": list(item.ask) if finding == "gap" else [],
            "before_due": (item.before_due or "") if finding == "not-due" else "",
            "capped": item.id in capped_by and rating is not None,
            "order": order,
        })
    gaps = sorted((r for r in rows if r["finding"] == "gap"), key=lambda r: (not r["capped"], r["points"], r["order"]))
    for r in rows:
        del r["order"]
    chosen = tool.stage(stage)
    return {
        "format": RESULTS_FORMAT,
        "version": TOOL_RESULTS_VERSION,
        "component": "tool",
        "tool": tool.id,
        "title": tool.title,
        "revision": revision,
        "stage": stage,
        "stage_label": chosen.label if chosen else None,
        "answered": len(given),
        "total": len(due),
        "complete": complete,
        "share": share,
        "unknown": unknown,
        "confidence": level,
        "confidence_label": f"{level.capitalize()} confidence: {unknown} of {len(due)} unknown" if level else None,
        "rating": rating.id if rating else None,
        "rating_label": rating.label if rating else None,
        "at_best": at_best.id if at_best else None,
        "at_best_label": at_best.label if at_best else None,
        "capped_by": capped_by if rating else [],
        "strengths": [r["id"] for r in rows if r["finding"] == "strength"],
        "gaps": [r["id"] for r in gaps],
        "unknowns": [r["id"] for r in gaps if r["answer"] == "unknown"],
        "not_due": [r["id"] for r in rows if r["finding"] == "not-due"],
        "items": rows,
    }
