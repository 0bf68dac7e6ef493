"""Matching the way board papers write a term (boardroom/glossary/variants.py), in Python: every
class in tests/fixtures/decoder-variants.yml on the course glossary, a page of ordinary English
that finds nothing, and `boardroom validate` on variants that clash. The browser runs the same
table in test_decoder_variants_browser.py."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from boardroom.cli import main
from boardroom.glossary.data import load_glossary
from boardroom.glossary.decoder import decode, table, table_for_browser
from boardroom.glossary.variants import fold, is_english_word, is_roman, singular
from boardroom.problems import ProblemsFound

ROOT = Path(__file__).resolve().parents[1]
VARIANTS = yaml.safe_load((Path(__file__).parent / "fixtures" / "decoder-variants.yml").read_text(encoding="utf-8"))
COURSE = table(load_glossary(ROOT / "glossary"))


def found(text: str) -> list[list]:
    return [[f.acronym, f.count] for f in decode(text, COURSE).acronyms]


@pytest.mark.parametrize("case", VARIANTS["cases"], ids=lambda c: f"{c['class']}: {c['text'][:30]}")
def test_each_variant_class_matches(case):
    assert found(case["text"]) == case["found"]


def test_a_page_of_ordinary_english_matches_nothing():
    result = decode(VARIANTS["ordinary"], COURSE)
    assert result.acronyms == []
    assert {"IT", "US", "AND", "WHO", "NICE", "SUMMARY"} <= set(result.unknown)  # seen, and left unmatched


def test_the_generic_rules():
    assert fold("SNOMED-CT") == fold("SNOMED CT") == "SNOMEDCT" and fold("e-RS") == "eRS"
    assert [singular(t) for t in ["ICBs", "M365s", "SaaS", "Us", "is"]] == ["ICB", "M365", None, None, None]
    assert [t for t in ["II", "IV", "XI", "VIII", "XXXIX", "I", "CD", "MD", "IVX", "XIII"] if is_roman(t)] == \
        ["II", "IV", "XI", "VIII", "XXXIX", "XIII"]
    assert is_english_word("IT") and is_english_word("Nice") and not is_english_word("FHIR") and not is_english_word("M365")


def test_the_browser_table_carries_the_flags():
    browser = table_for_browser(COURSE)
    assert browser["SNOMEDCT"][0] == "SNOMED CT" and browser["SNOMEDCT"][2] == "s"  # may be written in parts
    assert browser["IT"][2] == "w"  # an ordinary word: not matched in a heading
    assert len(browser["EPR"]) == 2  # no flags, none sent


ONE = """\
- term: {term}
  expansion: Something written out
  definition: A definition long enough to pass the glossary's checks.
  category: technology
  sources: [https://example.org/]
  reviewed: 2026-11-25
"""


def problems(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "a.yml").write_text(textwrap.dedent(text), encoding="utf-8")
    with pytest.raises(ProblemsFound) as caught:
        load_glossary(tmp_path)
    return [f"{Path(p.path).name}:{p.line}: {p.message}" for p in caught.value.problems]


def with_variants(term: str, variants: str) -> str:
    return ONE.format(term=term).replace("  expansion:", f"  variants:\n{variants}  expansion:")


@pytest.mark.parametrize("variant, message", [
    ("It", "variant 'It' of 'QQX' is an ordinary English word, so the decoder would find it in plain text"),
    ("XIV", "variant 'XIV' of 'QQX' is a Roman numeral, which the decoder never matches"),
    ("ZZY", "variant 'ZZY' of 'QQX' is the term 'ZZY' at"),
    ("QQ-X", "variant 'QQ-X' of 'QQX' needs no variant: the decoder matches it as 'QQX' already"),
    ("QQXs", "variant 'QQXs' of 'QQX' needs no variant"),
    ("ZZ Y", "variant 'ZZ Y' of 'QQX' is the term 'ZZY' at"),
])
def test_validate_rejects_a_clashing_variant_at_its_line(tmp_path, variant, message):
    text = with_variants("QQX", f"    - Qqx\n    - {variant}\n") + ONE.format(term="ZZY")
    [problem] = problems(tmp_path, text)
    assert problem.startswith(f"a.yml:4: {message}"), problem


def test_validate_rejects_two_entries_claiming_one_form(tmp_path):
    text = with_variants("QQX", "    - Wibblex\n") + with_variants("ZZY", "    - Wibblex\n")
    [problem] = problems(tmp_path, text)
    assert problem.startswith("a.yml:11: variant 'Wibblex' of 'ZZY' is also a form of 'QQX' at"), problem
    folded = ONE.format(term="QQ-ZZ") + ONE.format(term="QQ ZZ").replace("term: QQ ZZ", "term: QQZZ")
    [problem] = problems(tmp_path, folded)
    assert problem.startswith("a.yml:7: 'QQZZ' of 'QQZZ' is written as a form of 'QQ-ZZ'"), problem


def test_validate_command_reports_a_variant_problem(tmp_path, capsys):
    folder = tmp_path / "glossary"
    folder.mkdir()
    (folder / "a.yml").write_text(with_variants("QQX", "    - And\n"), encoding="utf-8")
    assert main(["validate", str(folder)]) == 1
    assert capsys.readouterr().out.startswith(f"{folder / 'a.yml'}:3: variant 'And' of 'QQX' is an ordinary English word")


def test_good_variants_pass_and_are_matched(tmp_path):
    (tmp_path / "a.yml").write_text(with_variants("QQX", "    - Qqx\n    - qq9\n"), encoding="utf-8")
    known = table(load_glossary(tmp_path))
    assert [(f.acronym, f.count) for f in decode("Qqx, QQXs, QQX's, qq9 and qqx", known).acronyms] == [("QQX", 4)]
