"""Read a YAML file and remember the line every key and item came from.

PyYAML's safe loader gives plain data but forgets where it was; validation
messages need ``file:line``. :func:`load` composes the node tree, builds the
data from it and records a line for every path, so a pydantic error location
such as ``("questions", 2, "options", 0, "feedback")`` maps back to a line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem, ProblemsFound, display_path

PathKey = tuple[Any, ...]


@dataclass
class LocatedData:
    """YAML data plus the 1-based line of each path within it."""

    data: Any
    path: str
    lines: dict[PathKey, int] = field(default_factory=dict)

    def line_of(self, loc: PathKey, skip: frozenset[str] = frozenset()) -> int:
        """The line of the deepest existing node along ``loc``.

        ``skip`` names loc elements that are not in the data (pydantic adds the
        tag of a discriminated union to error locations). A missing key maps to
        the line of the mapping that should hold it.
        """
        found: PathKey = ()
        node = self.data
        for part in loc:
            if isinstance(node, dict) and part in node:
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                node = node[part]
            elif isinstance(part, str) and part in skip:
                continue
            else:
                break
            found = found + (part,)
        return self.lines.get(found, 1)

    def problem(self, loc: PathKey, message: str, skip: frozenset[str] = frozenset()) -> Problem:
        return Problem(self.path, self.line_of(loc, skip), message)


def load(path: Path) -> LocatedData:
    """Load one YAML document, raising :class:`ProblemsFound` for any syntax problem."""
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProblemsFound([Problem(shown, 1, "file not found")]) from None
    except UnicodeDecodeError as err:
        line = path.read_bytes()[: err.start].count(b"\n") + 1
        raise ProblemsFound([Problem(shown, line, "not UTF-8 text")]) from None
    except OSError as err:
        raise ProblemsFound([Problem(shown, 1, f"cannot read: {err.strerror}")]) from None

    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise ProblemsFound([Problem(shown, 1, "the file is empty")])
        located = LocatedData(data=None, path=shown)
        problems: list[Problem] = []
        located.data = _build(loader, node, (), located.lines, problems, shown)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        what = err.problem or err.context or "invalid YAML"
        raise ProblemsFound([Problem(shown, line, f"YAML syntax: {what}")]) from None
    except yaml.YAMLError as err:  # errors without a position, rare
        raise ProblemsFound([Problem(shown, 1, f"YAML syntax: {err}")]) from None
    finally:
        loader.dispose()
    if problems:
        raise ProblemsFound(problems)
    return located


def _build(loader, node, path: PathKey, lines, problems, shown):
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)  # resolve YAML merge keys (<<) like the safe loader
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                problems.append(Problem(shown, key_node.start_mark.line + 1, "a key must be plain text"))
                continue
            if key in result:
                problems.append(Problem(shown, key_node.start_mark.line + 1, f"duplicate key '{key}'"))
                continue
            result[key] = _build(loader, value_node, path + (key,), lines, problems, shown)
            # point a problem with a key at the key's own line, which for a
            # nested mapping is the line before its first child
            lines[path + (key,)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _build(loader, item, path + (index,), lines, problems, shown)
            for index, item in enumerate(node.value)
        ]
    return loader.construct_object(node, deep=True)
