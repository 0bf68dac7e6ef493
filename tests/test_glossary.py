"""The glossary format and its checks: every kind of bad data names the file and line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from boardroom.cli import main
from boardroom.glossary.data import load_glossary
from boardroom.glossary.book import entry_myst
from boardroom.problems import ProblemsFound

FIXTURE = Path(__file__).parent / "fixtures" / "book" / "glossary"
ROOT = Path(__file__).resolve().parents[1]

ONE = """\
- term: HSCN
  expansion: Health and Social Care Network
  definition: The private network that links NHS organisations.
  category: nhs-system
  sources: [https://digital.nhs.uk/services/health-and-social-care-network]
  reviewed: 2026-11-25
"""


def folder_with(tmp_path: Path, **files: str) -> Path:
    for name, text in files.items():
        (tmp_path / f"{name}.yml").write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path


def problems(folder: Path) -> list[str]:
    with pytest.raises(ProblemsFound) as caught:
        load_glossary(folder)
    return [f"{Path(p.path).name}:{p.line}: {p.message}" for p in caught.value.problems]


def test_the_fixture_glossary_loads_with_senses_aliases_and_history():
    entries = {item.entry.term: item.entry for item in load_glossary(FIXTURE)}
    assert len(entries["DBS"].meanings()) == 2
    assert entries["e-RS"].aliases == ["eRS", "ERS"]
    assert entries["N3"].meanings()[0].status == "historic"


def test_duplicate_terms_across_files(tmp_path):
    folder = folder_with(tmp_path, a=ONE, b=ONE.replace("HSCN\n", "hscn\n", 1))
    assert problems(folder) == ["b.yml:1: duplicate term 'hscn' (also at " + str(folder / "a.yml") + ":1)"]


def test_an_alias_that_is_another_term_conflicts(tmp_path):
    other = ONE.replace("term: HSCN", "term: N3").replace("  category:", "  aliases: [HSCN]\n  category:")
    assert problems(folder_with(tmp_path, a=ONE + other))[0].startswith("a.yml:7: alias 'HSCN' of 'N3' is also 'HSCN'")


def test_two_senses_with_one_expansion_conflict(tmp_path):
    text = """\
    - term: DBS
      senses:
        - {expansion: Disclosure and Barring Service, hint: jobs, definition: The body that checks criminal records., category: nhs-organisation, sources: ["https://www.gov.uk/dbs"]}
        - {expansion: disclosure and barring service, hint: other, definition: The same body written again in lower case., category: nhs-organisation, sources: ["https://www.gov.uk/dbs"]}
      reviewed: 2026-11-25
    """
    assert problems(folder_with(tmp_path, a=text)) == [
        "a.yml:1: 'DBS' has two senses expanding to 'disclosure and barring service'"
    ]


def test_missing_fields_and_unknown_category(tmp_path):
    text = ONE.replace("  category: nhs-system\n", "  category: gadgets\n").replace("  reviewed: 2026-11-25\n", "")
    found = problems(folder_with(tmp_path, a=text))
    assert "a.yml:1: missing required key 'reviewed'" in found
    assert any(p.startswith("a.yml:4: unknown category 'gadgets': use one of") for p in found)
    no_definition = ONE.replace("  definition: The private network that links NHS organisations.\n", "")
    assert problems(folder_with(tmp_path, a=no_definition)) == ["a.yml:1: missing required key(s): definition"]


def test_related_terms_must_exist(tmp_path):
    text = ONE.replace("  category:", "  related: [N3, Spine]\n  category:")
    assert problems(folder_with(tmp_path, a=text)) == [
        "a.yml:1: 'HSCN' relates to 'N3', which is not in the glossary",
        "a.yml:1: 'HSCN' relates to 'Spine', which is not in the glossary",
    ]


def test_unknown_keys_bad_urls_and_dates(tmp_path):
    text = ONE.replace("  reviewed: 2026-11-25", "  reviewed: last week\n  colour: blue").replace(
        "https://digital.nhs.uk/services/health-and-social-care-network", "not a link")
    assert problems(folder_with(tmp_path, a=text)) == [
        "a.yml:5: 'sources' must be a web address starting https://, not 'not a link'",
        "a.yml:6: 'reviewed' must be a date written YYYY-MM-DD, not 'last week'",
        "a.yml:7: unknown key 'colour'",
    ]


def test_historic_only_fields_and_senses_or_meaning(tmp_path):
    text = ONE.replace("  category:", "  replaced_by: Something\n  category:")
    assert problems(folder_with(tmp_path, a=text)) == [
        "a.yml:1: 'replaced_by' is only for a historic term: add 'status: historic'"
    ]


def test_bad_yaml_and_wrong_shapes(tmp_path):
    assert problems(folder_with(tmp_path, a="- term: [oops\n")) == [
        "a.yml:2: YAML syntax: expected ',' or ']', but got '<stream end>'"
    ]
    assert problems(folder_with(tmp_path, a="term: HSCN\n")) == [
        "a.yml:1: a glossary file must be a list of entries (each starting '- term:')"
    ]


def test_command_line_reports_glossary_problems(tmp_path, capsys):
    bad = tmp_path / "glossary"
    bad.mkdir()
    (bad / "a.yml").write_text(ONE.replace("category: nhs-system", "category: gadgets"), encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{bad / 'a.yml'}:4: unknown category 'gadgets'")


def test_glossary_text_is_escaped_for_the_page():
    entry = load_glossary(FIXTURE)[0].entry
    lines = entry_myst(entry, {entry.term.casefold()})
    assert lines[0] == entry.term and all(line == "" or line.startswith("   ") for line in lines[1 + len(entry.aliases):])


def test_the_course_glossary_is_valid_and_big_enough():
    entries = load_glossary(ROOT / "glossary")
    assert len(entries) >= 450, f"the glossary has {len(entries)} entries; the course needs at least 450"
