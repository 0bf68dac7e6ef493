"""Load and check a review tool's rules, reporting every problem as ``file:line: message``."""

from __future__ import annotations

from pathlib import Path
from typing import Any


from .. import yamlfile
from ..problems import Problem, ProblemsFound, display_path
from ..validation import check_id_matches_file, fingerprint, load_model
from .engine import assess, is_due
from .model import ANSWERS, Tool

TOOL_DIR = Path("exercises") / "tools"


def tool_path(tool_id: str, folder: Path) -> Path:
    return folder / f"{tool_id}.yml"


def find_tools(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yml"))


def load_tool(path: Path) -> Tool:
    """Read, validate and check one tool; raise :class:`ProblemsFound` listing every problem."""
    tool, located = load_model(path, Tool, "a tool must be a mapping with id, title, scale, ratings and items")
    problems = list(_check_rules(tool, located))
    if not problems:  # examples can only be checked against sound rules
        problems = list(_check_examples(tool, located))
    problems += check_id_matches_file("tool", tool.id, path, located)
    if problems:
        raise ProblemsFound(problems)
    return tool


def load_tool_by_id(tool_id: str, folder: Path) -> Tool:
    path = tool_path(tool_id, folder)
    if not path.exists():
        raise ProblemsFound([Problem(display_path(path), 1, f"no tool '{tool_id}': the file does not exist")])
    return load_tool(path)


def revision(tool: Tool) -> str:
    """A short fingerprint of the rules: answers stored for other rules are dropped."""
    return fingerprint(tool)


def payload(tool: Tool) -> dict[str, Any]:
    """The rules as the JavaScript front end receives them (examples stay on the page)."""
    data = tool.model_dump(mode="json", exclude_none=True, exclude={"examples"})
    data["revision"] = revision(tool)
    return data


def _check_rules(tool: Tool, located: yamlfile.LocatedData):
    """Checks that span fields, each yielding a located problem."""
    scale_ids = [s.id for s in tool.scale]
    if scale_ids != list(ANSWERS):
        yield located.problem(("scale",), f"the scale must list {', '.join(ANSWERS)} in that order")
    elif tool.scale[0].points != max(s.points for s in tool.scale):
        yield located.problem(("scale", 0, "points"), "'full' must score the most points")

    ratings = [r.id for r in tool.ratings]
    seen: set[str] = set()
    for index, rating in enumerate(tool.ratings):
        if rating.id in seen:
            yield located.problem(("ratings", index, "id"), f"duplicate rating id '{rating.id}'")
        seen.add(rating.id)
        if index and rating.min_share >= tool.ratings[index - 1].min_share:
            yield located.problem(("ratings", index, "min_share"),
                                  "ratings go best first: each min_share must be lower than the one before")
    if tool.ratings[-1].min_share != 0:
        yield located.problem(("ratings", len(tool.ratings) - 1, "min_share"),
                              "the last rating must have min_share 0, so every set of answers gets a rating")

    yield from _check_stages(tool, located)

    seen = set()
    for index, item in enumerate(tool.items):
        if item.id in seen:
            yield located.problem(("items", index, "id"), f"duplicate item id '{item.id}'")
        seen.add(item.id)
        for answer, cap in item.caps.items():
            if cap not in ratings:
                yield located.problem(("items", index, "caps", answer),
                                      f"cap '{cap}' is not a rating (ratings: {', '.join(ratings)})")


def _check_stages(tool: Tool, located: yamlfile.LocatedData):
    """Stage names are known and unique, every item is due at some stage, and an item
    not due at the first stage says what to ask for until it is."""
    stages = [s.id for s in tool.stages]
    if not stages:
        for index, item in enumerate(tool.items):
            for key in ("due_from", "before_due"):
                if getattr(item, key) is not None:
                    yield located.problem(("items", index, key), f"'{key}' needs a list of 'stages' in the tool")
        return
    seen: set[str] = set()
    for index, stage in enumerate(tool.stages):
        if stage.id in seen:
            yield located.problem(("stages", index, "id"), f"duplicate stage id '{stage.id}'")
        seen.add(stage.id)
    for index, item in enumerate(tool.items):
        due_from = item.due_from or stages[0]
        if due_from not in stages:
            yield located.problem(("items", index, "due_from"),
                                  f"item '{item.id}' is due from '{due_from}', which is not a stage, so it is due at "
                                  f"no stage (stages: {', '.join(stages)})")
        elif due_from != stages[0] and item.before_due is None:
            yield located.problem(("items", index, "due_from"),
                                  f"item '{item.id}' is not due at '{stages[0]}': add 'before_due', what to ask for until it is")
        elif due_from == stages[0] and item.before_due is not None:
            yield located.problem(("items", index, "before_due"),
                                  f"item '{item.id}' is due from the first stage, so its 'before_due' would never show")
    if all((item.due_from or stages[0]) != stages[0] for item in tool.items):
        yield located.problem(("stages", 0, "id"), f"no item is due at the first stage '{stages[0]}'")


def _check_examples(tool: Tool, located: yamlfile.LocatedData):
    """Each worked example answers every item due at its stage and gets the confidence
    and rating its page claims."""
    ratings = [r.id for r in tool.ratings]
    stages = [s.id for s in tool.stages]
    for index, example in enumerate(tool.examples):
        here = ("examples", index)
        if stages and example.stage not in stages:
            yield located.problem(here + (("stage",) if example.stage else ()),
                                  f"example '{example.id}' needs a 'stage', one of: {', '.join(stages)}"
                                  if example.stage is None else f"stage '{example.stage}' is not a stage (stages: {', '.join(stages)})")
            continue
        if not stages and example.stage is not None:
            yield located.problem(here + ("stage",), "'stage' needs a list of 'stages' in the tool")
            continue
        due = [i.id for i in tool.items if is_due(tool, i, example.stage)]
        for item_id in example.answers:
            if tool.item(item_id) is None:
                yield located.problem(here + ("answers", item_id), f"example answers item '{item_id}', which does not exist")
            elif item_id not in due:
                yield located.problem(here + ("answers", item_id),
                                      f"example answers item '{item_id}', which is not due at stage '{example.stage}'")
        missing = [i for i in due if i not in example.answers]
        if missing:
            yield located.problem(here + ("answers",), f"example '{example.id}' leaves unanswered: {', '.join(missing)}")
            continue
        unknown_ratings = [key for key in ("rating", "at_best") if getattr(example, key) not in (None, *ratings)]
        for key in unknown_ratings:
            yield located.problem(here + (key,), f"{key} '{getattr(example, key)}' is not a rating (ratings: {', '.join(ratings)})")
        if unknown_ratings:
            continue
        got = assess(tool, example.answers, stage=example.stage)
        why = (f" (share {got['share']:.2f}, {got['unknown']} of {got['total']} unknown"
               f"{', capped by ' + ', '.join(got['capped_by']) if got['capped_by'] else ''})")
        if got["confidence"] != example.confidence:
            yield located.problem(here + ("confidence",),
                                  f"example '{example.id}' says confidence '{example.confidence}', but the rules give "
                                  f"'{got['confidence']}'{why}")
        elif example.confidence == "low" and example.rating is not None:
            yield located.problem(here + ("rating",),
                                  f"example '{example.id}' has low confidence, so the tool gives no rating: "
                                  f"remove 'rating' and give 'at_best'")
        elif example.confidence != "low" and example.rating is None:
            yield located.problem(here, f"example '{example.id}' needs a 'rating' (the rules give '{got['rating']}')")
        elif example.rating is not None and got["rating"] != example.rating:
            yield located.problem(here + ("rating",),
                                  f"example '{example.id}' says '{example.rating}', but the rules give '{got['rating']}'{why}")
        elif example.confidence == "low" and example.at_best is None:
            yield located.problem(here, f"example '{example.id}' has low confidence: give 'at_best' "
                                        f"(the rules give '{got['at_best']}')")
        elif example.at_best is not None and got["at_best"] != example.at_best:
            yield located.problem(here + ("at_best",),
                                  f"example '{example.id}' says at best '{example.at_best}', but the rules give "
                                  f"'{got['at_best']}'{why}")
