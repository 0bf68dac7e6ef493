"""Turn pydantic's validation errors into one-line ``file:line: problem`` messages."""

from __future__ import annotations

from typing import Any, Iterable

from .problems import Problem
from .yamlfile import LocatedData


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
