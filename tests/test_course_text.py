"""Acronym lints over the course text: every acronym is in the glossary (or the
reviewed allowlist), and its first use on each page is spelled out or linked;
practice extracts carry no glossary links; and practice pages stay short."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from boardroom.glossary.data import load_glossary
from boardroom.glossary.lint import ALLOWLIST, Finding, body_words, known_acronyms, lint_notebook, lint_page

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted([ROOT / "index.md", *(ROOT / "book").rglob("*.md")])


def toc_notebooks() -> list[Path]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files: list[str] = []

    def walk(items):
        for item in items:
            files.append(item.get("file", ""))
            walk(item.get("chapters", []) + item.get("sections", []))

    walk(toc.get("parts", []) + toc.get("chapters", []))
    return sorted(ROOT / f"{f}.ipynb" for f in files if f and (ROOT / f"{f}.ipynb").exists())


NOTEBOOKS = toc_notebooks()


@pytest.fixture(scope="module")
def known():
    return known_acronyms(load_glossary(ROOT / "glossary"))


def test_the_lint_catches_what_it_should(known):
    page = "# Title\n\nThe XQZW team met the ICB board.\n\n## Sources\n\n- The QQQQ report\n"
    assert lint_page(page, known) == [
        Finding(3, "'XQZW' is not in the glossary: add it, spell it out, or allowlist it"),
        Finding(3, "first use of 'ICB' on this page: spell it out or link it with {term}`ICB`"),
    ]
    assert lint_page("The integrated care board (ICB) met. Later the ICB met again.", known) == []
    assert lint_page("The {term}`ICB` met. Later the ICB met again.", known) == []


def test_the_lint_reads_admonition_titles(known):
    page = "# Title\n\n```{admonition} What the ICB decides\n:class: tip\n\nThe board decides.\n```\n"
    assert lint_page(page, known) == [
        Finding(3, "first use of 'ICB' on this page: spell it out or link it with {term}`ICB`")
    ]
    linked = "# Title\n\n```{admonition} What the {term}`ICB` decides\n:class: tip\n\nThe ICB decides.\n```\n"
    assert lint_page(linked, known) == []


def test_multi_word_and_hyphenated_acronyms_are_one_term(known):
    assert "SNOMED CT" in known and "e-RS" in known
    # one finding each, naming the whole term, not its parts
    assert lint_page("Records are coded in SNOMED CT today.", known) == [
        Finding(1, "first use of 'SNOMED CT' on this page: spell it out or link it with {term}`SNOMED CT`")
    ]
    assert lint_page("Referrals go through e-RS now.", known) == [
        Finding(1, "first use of 'e-RS' on this page: spell it out or link it with {term}`e-RS`")
    ]
    # linked once, the later plain uses are fine, and the parts are not separate terms
    assert lint_page("Coded in {term}`SNOMED CT`. Later, SNOMED CT again.", known) == []
    assert lint_page("Sent by {term}`e-RS`. Later, e-RS again.", known) == []


def test_footnotes_are_not_body_text(known):
    page = "# T\n\nA fact[^1].\n\n[^1]: The QQQQ report. XQZW, 2025.\n    Continued by the ZZZQ.\n"
    assert lint_page(page, known) == []
    assert body_words(page) == 3  # "T", "A fact"


def _notebook(cells: list[tuple[str, str, list[str]]]) -> str:
    return json.dumps({
        "cells": [{"cell_type": kind, "metadata": {"tags": tags} if tags else {}, "source": source.splitlines(True)}
                  for kind, source, tags in cells],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5,
    }, indent=1)


def test_the_lint_reads_notebook_markdown_cells(known):
    notebook = _notebook([
        ("markdown", "# Workshop\n\nIntro.", []),
        ("code", "Decoder('The ICB and the EPR')", []),
        ("markdown", "## Part 2\n\nAsk the ICB.", []),
    ])
    found = lint_notebook(notebook, known)
    assert [f.message for f in found] == ["first use of 'ICB' on this page: spell it out or link it with {term}`ICB`"]
    assert '"Ask the ICB."' in notebook.split("\n")[found[0].line - 1]  # the notebook file's own line


def test_a_practice_extract_needs_no_links_and_may_have_none(known):
    extract = ("# Practice\n\n```{admonition} Extract 1\n:class: note practice-extract\n\n"
               "The SRO says the OBC for the EPR went to NHSE.\n```\n\n")
    assert lint_page(extract + "Then {term}`SRO`, {term}`OBC`, {term}`EPR`, {term}`NHSE`.\n", known) == []
    # the teaching text after it still explains each acronym at its own first use
    assert lint_page(extract + "Ask the SRO.\n", known) == [
        Finding(9, "first use of 'SRO' on this page: spell it out or link it with {term}`SRO`")
    ]
    # a link inside the extract would give the answer away
    linked = extract.replace("The SRO", "The {term}`SRO`")
    assert [f.message.split(" links")[0] for f in lint_page(linked + "{term}`SRO` {term}`OBC` {term}`EPR` "
                                                             "{term}`NHSE`\n", known)] == ["{term}`SRO`"]
    # an acronym the glossary lacks is still found, or the decoder could not help
    assert lint_page(extract.replace("NHSE", "XQZW") + "{term}`SRO` {term}`OBC` {term}`EPR`\n", known) == [
        Finding(6, "'XQZW' is not in the glossary: add it, spell it out, or allowlist it")
    ]
    # a notebook cell tagged practice-extract is the same
    cell = _notebook([("markdown", "The SRO and the OBC.", ["practice-extract"]), ("markdown", "No more.", [])])
    assert lint_notebook(cell, known) == []


def test_the_allowlist_stays_short_and_reasoned():
    assert len(ALLOWLIST) <= 10 and all(reason for reason in ALLOWLIST.values())


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_acronyms_on_every_page(page, known):
    findings = lint_page(page.read_text(encoding="utf-8"), known)
    assert findings == [], "\n".join(f"{page.relative_to(ROOT)}:{f.line}: {f.message}" for f in findings)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[str(p.relative_to(ROOT)) for p in NOTEBOOKS])
def test_acronyms_in_every_notebook_of_the_book(notebook, known):
    findings = lint_notebook(notebook.read_text(encoding="utf-8"), known)
    assert findings == [], "\n".join(f"{notebook.relative_to(ROOT)}:{f.line}: {f.message}" for f in findings)


def test_the_book_lints_its_workshop_notebooks():
    assert {p.stem for p in NOTEBOOKS} >= {"decode-the-board-pack", "challenge-the-strategy", "pre-mortem", "buy-reuse-or-build"}


PRACTICE_PAGES = sorted((ROOT / "book" / "jargon").glob("board-papers*.md"))


@pytest.mark.parametrize("page", PRACTICE_PAGES, ids=[p.name for p in PRACTICE_PAGES])
def test_practice_pages_read_in_about_ten_minutes(page):
    assert body_words(page.read_text(encoding="utf-8")) <= 1800


def test_the_board_paper_extracts_are_marked_and_carry_no_links():
    text = "".join(p.read_text(encoding="utf-8") for p in PRACTICE_PAGES)
    assert text.count(":class: note practice-extract") == 4
