"""How much of a realistic board paper's jargon the Python decoder finds.

    python benchmarks/coverage.py [--paper P] [--key K] [--glossary G]

The paper (default tests/fixtures/board-paper-2026.md) is an invented trust's digital report
written as 2025-26 board papers write; its answer key (the same name, .key.yml) lists by hand
every acronym in it. An acronym counts as found when the decoder reports a glossary entry whose
term, an alias or a variant is that acronym once hyphens and spaces are ignored. Prints the share
found, the misses, and what the decoder found that the key does not list (false matches).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from boardroom import yamlfile  # noqa: E402
from boardroom.glossary.data import load_glossary  # noqa: E402
from boardroom.glossary.decoder import decode, table  # noqa: E402
from boardroom.problems import Problem, ProblemsFound  # noqa: E402

PAPER = ROOT / "tests" / "fixtures" / "board-paper-2026.md"


def same(name: str) -> str:
    return re.sub(r"[\s-]+", "", name).casefold()


def read_key(path: Path) -> list[dict]:
    located = yamlfile.load(path)
    items = located.data
    if not isinstance(items, list):
        raise ProblemsFound([located.problem((), "the key must be a list of {acronym, meaning}")])
    problems = [located.problem((i,), "each item needs 'acronym' and 'meaning'") for i, item in enumerate(items)
                if not isinstance(item, dict) or not {"acronym", "meaning"} <= set(item)]
    if problems:
        raise ProblemsFound(problems)
    return items


def coverage(paper: Path, key: Path, glossary: Path) -> tuple[list[dict], list[dict], list[str]]:
    """The key's items found and missed, and the entries found that the key does not list."""
    try:
        text = paper.read_text(encoding="utf-8")
    except OSError as err:
        raise ProblemsFound([Problem(str(paper), 1, f"cannot read the paper: {err.strerror}")]) from None
    items = read_key(key)
    entries = load_glossary(glossary)
    names = {item.entry.term: {same(n) for n in (item.entry.term, *item.entry.aliases,
                                                 *getattr(item.entry, "variants", []))} for item in entries}
    decoded = [f.acronym for f in decode(text, table(entries)).acronyms]
    found_names = {term: names[term] for term in decoded}
    found, missed = [], []
    for item in items:
        hit = any(same(item["acronym"]) in forms for forms in found_names.values())
        (found if hit else missed).append(item)
    keyed = {same(item["acronym"]) for item in items}
    extra = [term for term, forms in found_names.items() if not forms & keyed]
    return found, missed, extra


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--paper", default=str(PAPER))
    parser.add_argument("--key", help="the answer key (default: the paper's name with .key.yml)")
    parser.add_argument("--glossary", default=str(ROOT / "glossary"))
    args = parser.parse_args(argv)
    paper = Path(args.paper)
    key = Path(args.key) if args.key else paper.with_suffix(".key.yml")
    try:
        found, missed, extra = coverage(paper, key, Path(args.glossary))
    except ProblemsFound as err:
        print(err, file=sys.stderr)
        return 1
    total = len(found) + len(missed)
    national = [i for i in found + missed if not i.get("local")]
    national_found = [i for i in found if not i.get("local")]
    print(f"{paper.name}: the decoder finds {len(found)} of {total} acronyms in the key "
          f"({100 * len(found) / total:.0f}%); {len(national_found)} of {len(national)} leaving out the trust's "
          f"own committee names ({100 * len(national_found) / len(national):.0f}%).")
    print(f"Missed ({len(missed)}): " + (", ".join(i["acronym"] for i in missed) or "none"))
    print(f"Found but not in the key ({len(extra)}): " + (", ".join(extra) or "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
