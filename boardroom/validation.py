"""Turn pydantic's validation errors into one-line ``file:line: problem`` messages."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

from pydantic import BaseModel, ValidationError

from . import yamlfile
from .problems import Problem, ProblemsFound
from .yamlfile import LocatedData

Model = TypeVar("Model", bound=BaseModel)


def error_field(error: dict[str, Any], skip: Iterable[str] = ()) -> str:
    """The name of the key an error is about (the last name in its location)."""
    names = [part for part in error["loc"] if isinstance(part, str) and part not in skip]
    return names[-1] if names else "value"


def describe(error: dict[str, Any], located: LocatedData, skip: Iterable[str] = ()) -> Problem:
    """A plain message for a pydantic error, at the line of the key it is about.

    ``skip`` names location parts that are not keys in the data, such as the
    tags pydantic adds for discriminated unions.
    """
    skip = frozenset(skip)
    loc = tuple(error["loc"])
    kind = error["type"]
    field = error_field(error, skip)
    if kind == "missing":
        message = f"missing required key '{field}'"
    elif kind == "extra_forbidden":
        message = f"unknown key '{field}'"
    elif kind == "string_too_short":
        message = f"'{field}' is empty" if error.get("input") == "" else f"'{field}' is too short"
    elif kind == "string_too_long":
        message = f"'{field}' is too long (at most {error['ctx']['max_length']} characters)"
    elif kind == "string_type":
        message = f"'{field}' must be text (put it in quotes)"
    elif kind == "string_pattern_mismatch":
        message = f"'{field}' must be lowercase letters, digits and hyphens, not '{error['input']}'"
    elif kind == "too_short":
        message = f"'{field}' needs at least {error['ctx']['min_length']} entries"
    elif kind == "enum":
        message = f"unknown {field} '{error['input']}': use one of {error['ctx']['expected']}"
    elif kind == "literal_error":
        message = f"'{field}' must be {error['ctx']['expected']}, not '{error['input']}'"
    elif kind in {"model_type", "model_attributes_type", "dict_type"}:
        message = f"'{field}' must be a mapping of keys to values"
    elif kind == "list_type":
        message = f"'{field}' must be a list"
    elif kind == "value_error":
        message = error["msg"].removeprefix("Value error, ")
    elif kind.startswith("url_"):
        message = f"'{field}' must be a web address starting https://, not '{error['input']}'"
    elif kind.startswith("date_"):
        message = f"'{field}' must be a date written YYYY-MM-DD, not '{error['input']}'"
    else:
        message = f"'{field}': {error['msg']}"
    return located.problem(loc, message, skip)


def load_model(
    path: Path, model: type[Model], shape: str,
    explain: Callable[[dict[str, Any], LocatedData], Problem] = describe,
) -> tuple[Model, LocatedData]:
    """Read a YAML file into ``model``; :class:`ProblemsFound` with every problem, located.

    ``shape`` says what the file must be, as in "a bank must be a mapping with id, title and questions".
    """
    located = yamlfile.load(path)
    if not isinstance(located.data, dict):
        raise ProblemsFound([located.problem((), shape)])
    try:
        return model.model_validate(located.data), located
    except ValidationError as err:
        raise ProblemsFound([explain(e, located) for e in err.errors()]) from None


def check_id_matches_file(kind: str, found_id: str, path: Path, located: LocatedData) -> list[Problem]:
    if found_id == path.stem:
        return []
    return [located.problem(("id",), f"{kind} id '{found_id}' must match the file name '{path.name}'")]


def fingerprint(content: BaseModel, exclude: set[str] | None = None) -> str:
    """A short fingerprint of a bank's or tool's content: progress a browser stored
    for other content is dropped rather than misapplied."""
    canonical = json.dumps(content.model_dump(mode="json", exclude=exclude), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]
