"""Acronym lints over the course text: every acronym is in the glossary (or the
reviewed allowlist), and its first use on each page is spelled out or linked."""

from __future__ import annotations

from pathlib import Path

import pytest

from boardroom.glossary.data import load_glossary
from boardroom.glossary.decoder import looks_like_acronym
from boardroom.glossary.lint import ALLOWLIST, Finding, lint_page

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted([ROOT / "index.md", *(ROOT / "book").rglob("*.md")])


def glossary_expansions() -> dict[str, list[str]]:
    known: dict[str, list[str]] = {}
    for item in load_glossary(ROOT / "glossary"):
        expansions = [m.expansion for m in item.entry.meanings() if m.expansion]
        for name in (item.entry.term, *item.entry.aliases):
            if looks_like_acronym(name):
                known.setdefault(name, []).extend(expansions)
    return known


@pytest.fixture(scope="module")
def known():
    return glossary_expansions()


def test_the_lint_catches_what_it_should(known):
    page = "# Title\n\nThe XQZW team met the ICB board.\n\n## Sources\n\n- The QQQQ report\n"
    assert lint_page(page, known) == [
        Finding(3, "'XQZW' is not in the glossary: add it, spell it out, or allowlist it"),
        Finding(3, "first use of 'ICB' on this page: spell it out or link it with {term}`ICB`"),
    ]
    assert lint_page("The integrated care board (ICB) met. Later the ICB met again.", known) == []
    assert lint_page("The {term}`ICB` met. Later the ICB met again.", known) == []


def test_the_allowlist_stays_short_and_reasoned():
    assert len(ALLOWLIST) <= 10 and all(reason for reason in ALLOWLIST.values())


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_acronyms_on_every_page(page, known):
    findings = lint_page(page.read_text(encoding="utf-8"), known)
    assert findings == [], "\n".join(f"{page.relative_to(ROOT)}:{f.line}: {f.message}" for f in findings)
