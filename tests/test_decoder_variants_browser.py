"""Matching the way board papers write a term, in the browser's engine (decoder.js) as the book
ships it: the same table of cases as test_decoder_variants.py, on the course glossary, with the
same answers, and a page of ordinary English that finds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from boardroom.glossary.data import load_glossary
from boardroom.glossary.decoder import table, table_for_browser

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
VARIANTS = yaml.safe_load((Path(__file__).parent / "fixtures" / "decoder-variants.yml").read_text(encoding="utf-8"))
BROWSER_TABLE = table_for_browser(table(load_glossary(ROOT / "glossary")))
DECODE = """([texts, known]) => texts.map((t) => {
  const r = BoardroomComponents.decoder.decodeText(t, known);
  return { found: r.acronyms.map((a) => [a.acronym, a.count]), marked: r.runs.filter((x) => x.hit).map((x) => x.text),
           text: r.runs.map((x) => x.text).join("") };
})"""


def test_each_variant_class_matches_in_the_browser(visit, fixture_site):
    page = visit().page
    page.goto(fixture_site + "decoder.html")
    texts = [c["text"] for c in VARIANTS["cases"]] + [VARIANTS["ordinary"]]
    results = page.evaluate(DECODE, [texts, BROWSER_TABLE])
    for case, got in zip(VARIANTS["cases"], results):
        assert got["found"] == case["found"], case["class"]
        assert got["text"] == case["text"]  # the marked runs put the text back together exactly
    assert results[-1]["found"] == [] and results[-1]["marked"] == []
    # the marks cover a name written in parts whole, and a plural with its s
    assert results[0]["marked"] == ["SNOMED-CT", "SNOMED CT", "SNOMEDCT"]
    assert results[3]["marked"] == ["ICBs", "ICB", "ICBs", "ICB"]


def test_the_page_marks_a_name_written_in_parts(visit, fixture_site):
    page = visit().page
    page.goto(fixture_site + "decoder.html")
    page.get_by_label("Paste text from a board paper").fill("The e RS and the eRS.")
    marked = page.get_by_role("region", name="Your text with acronyms expanded")
    assert marked.locator("mark").all_inner_texts() == ["e RS", "eRS"]
