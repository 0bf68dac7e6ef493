"""Load the glossary from ``glossary/*.yml`` and check it as a whole.

Each file is a YAML list of entries (see :mod:`boardroom.glossary.model`).
Every problem is reported as ``file:line: problem``: bad YAML, unknown keys or
categories, missing fields, a term defined twice, an alias that is another
term's name, two senses with the same expansion, related-term links to
terms that do not exist, and decoder variants that clash (two entries with one
folded form, an ordinary English word, another entry's term, a Roman numeral, or
a form the decoder's generic rules already match).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from .. import yamlfile
from ..problems import Problem, ProblemsFound
from ..validation import describe
from .model import Entry
from .variants import fold, is_english_word, is_roman, singular

GLOSSARY_DIR = Path("glossary")


@dataclass(frozen=True)
class Located:
    entry: Entry
    path: str
    line: int
    variant_lines: tuple[int, ...] = ()  # the line of each of the entry's variants


def glossary_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yml"))


def _key(text: str) -> str:
    return text.casefold().strip()


def load_file(path: Path) -> tuple[list[Located], list[Problem]]:
    located = yamlfile.load(path)
    if not isinstance(located.data, list):
        return [], [located.problem((), "a glossary file must be a list of entries (each starting '- term:')")]
    entries, problems = [], []
    for index, raw in enumerate(located.data):
        line = located.line_of((index,))
        if not isinstance(raw, dict):
            problems.append(Problem(located.path, line, "each entry must be a mapping starting 'term:'"))
            continue
        try:
            entry = Entry.model_validate(raw)
        except ValidationError as err:
            entry_lines = yamlfile.LocatedData(raw, located.path, _shift(located, index))
            problems.extend(describe(e, entry_lines) for e in err.errors())
            continue
        variant_lines = tuple(located.line_of((index, "variants", k)) for k in range(len(entry.variants)))
        entries.append(Located(entry, located.path, line, variant_lines))
        expansions = [_key(s.expansion) for s in entry.senses or [] if s.expansion]
        for dup in {e for e in expansions if expansions.count(e) > 1}:
            problems.append(Problem(located.path, line, f"'{entry.term}' has two senses expanding to '{dup}'"))
    return entries, problems


def _shift(located: yamlfile.LocatedData, index: int) -> dict:
    """The line map of one entry, with paths relative to the entry."""
    return {path[1:]: line for path, line in located.lines.items() if path[:1] == (index,)}


def load_glossary(folder: Path) -> list[Located]:
    """Every entry in ``folder``, or :class:`ProblemsFound` listing every problem."""
    files = glossary_files(folder)
    entries: list[Located] = []
    problems: list[Problem] = []
    for path in files:
        try:
            found, file_problems = load_file(path)
        except ProblemsFound as err:
            problems.extend(err.problems)
            continue
        entries.extend(found)
        problems.extend(file_problems)
    problems.extend(_cross_checks(entries))
    if problems:
        raise ProblemsFound(problems)
    return entries


def _cross_checks(entries: list[Located]):
    terms: dict[str, Located] = {}
    for item in entries:
        key = _key(item.entry.term)
        if key in terms:
            first = terms[key]
            yield Problem(item.path, item.line, f"duplicate term '{item.entry.term}' (also at {first.path}:{first.line})")
        else:
            terms[key] = item
    names: dict[str, Located] = dict(terms)
    for item in entries:
        for alias in item.entry.aliases:
            key = _key(alias)
            owner = names.get(key)
            if owner is not None and owner is not item:
                yield Problem(
                    item.path, item.line,
                    f"alias '{alias}' of '{item.entry.term}' is also '{owner.entry.term}' at {owner.path}:{owner.line}: "
                    "give the meanings as senses of one entry",
                )
            else:
                names[key] = item
    yield from _variant_checks(entries, terms)
    for item in entries:
        for related in item.entry.related:
            if _key(related) not in names:
                yield Problem(item.path, item.line, f"'{item.entry.term}' relates to '{related}', which is not in the glossary")


def _variant_checks(entries: list[Located], terms: dict[str, Located]):
    """The decoder's forms (:func:`decoder.table`): one entry to each folded form, and no variant
    that would match ordinary words, hide another term, or say what the generic rules do."""
    from .decoder import decoded_name  # decoder imports this module's Located

    owners: dict[str, Located] = {}
    for item in entries:
        for name in (item.entry.term, *item.entry.aliases):
            if not decoded_name(name):
                continue
            owner = owners.setdefault(fold(name), item)
            same_letters = _key(name) in {_key(n) for n in (owner.entry.term, *owner.entry.aliases)}
            if owner is not item and not same_letters:  # same letters: reported above as a duplicate
                yield Problem(item.path, item.line, f"'{name}' of '{item.entry.term}' is written as a form of "
                              f"'{owner.entry.term}' at {owner.path}:{owner.line} once hyphens and spaces are "
                              "folded: give the meanings as senses of one entry")
    for item in entries:
        own = {fold(n) for n in (item.entry.term, *item.entry.aliases) if decoded_name(n)}
        lines = item.variant_lines or (item.line,) * len(item.entry.variants)
        for variant, line in zip(item.entry.variants, lines):
            key, where = fold(variant), f"variant '{variant}' of '{item.entry.term}'"
            other = terms.get(_key(key)) or terms.get(_key(variant))
            owner = owners.get(key)
            if other is not None and other is not item:
                yield Problem(item.path, line, f"{where} is the term '{other.entry.term}' at {other.path}:{other.line}")
            elif owner is not None and owner is not item:
                yield Problem(item.path, line, f"{where} is also a form of '{owner.entry.term}' at "
                              f"{owner.path}:{owner.line}: give the meanings as senses of one entry")
            elif is_roman(key):
                yield Problem(item.path, line, f"{where} is a Roman numeral, which the decoder never matches")
            elif is_english_word(variant):
                yield Problem(item.path, line, f"{where} is an ordinary English word, so the decoder would "
                              "find it in plain text: leave it out")
            elif key in own or (singular(variant) is not None and fold(singular(variant)) in own):
                yield Problem(item.path, line, f"{where} needs no variant: the decoder matches it as "
                              "'" + item.entry.term + "' already (hyphens, spaces and plurals are generic)")
            else:
                owners[key] = item
