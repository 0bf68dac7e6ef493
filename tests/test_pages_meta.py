"""Editorial facts on the pages: a last-checked date on every teaching page (the
build fails without one), the licence in every footer, the About page's
generated list of dates, where to report an error, and sources as side notes."""

from __future__ import annotations

import datetime as dt
import html
import json
import re

import pytest
import yaml

from conftest import ROOT, build_book, copy_fixture_book

from boardroom.pages import EXEMPT
from boardroom.sitecheck import site_pages



def test_a_page_without_a_good_date_fails_the_build_with_file_and_line(tmp_path):
    source = copy_fixture_book(tmp_path)
    second = source / "second.md"
    second.write_text(re.sub(r"\A---\n.*?\n---\n", "", second.read_text(encoding="utf-8"), flags=re.S),
                      encoding="utf-8")
    index = source / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("2026-11-30", "2026-13-45"), encoding="utf-8")
    decoder = source / "decoder.md"
    decoder.write_text(decoder.read_text(encoding="utf-8").replace("2026-11-30", "30/11/2026"), encoding="utf-8")
    built = build_book(source, tmp_path / "out")
    assert built.returncode != 0
    assert "second.md:1: no last-checked date: start the page with a front matter block" in built.output
    assert "index.md:2: last_checked '2026-13-45' is not a real date" in built.output
    assert "decoder.md:2: last_checked '30/11/2026' is not a date in the form YYYY-MM-DD" in built.output
    assert "Traceback" not in built.output


def test_the_date_shows_under_the_title(fixture_book):
    page = (fixture_book.html / "second.html").read_text(encoding="utf-8")
    assert re.search(r'<h1>A page without a quiz<a class="headerlink"[^>]*>#</a></h1>\s*'
                     r'<p class="br-last-checked">Last checked <time datetime="2026-10-01">1 October 2026</time></p>',
                     page)


ABOUT = """---
last_checked: 2026-11-30
---

# About

## Report

```{report-an-error}
```

## Dates

```{last-checked}
```

## Notes

A claim[^2] and another[^1], and the first again[^2].

- In a list[^3].

Later in the same section, the first again[^2].

## Another section

Cited again here[^1].

## Sources

[^1]: First source. Publisher, 2025. <https://www.example.org/one>
[^2]: Second source. Publisher, 2026. <https://example.net/two>
[^3]: Third source, checked against sources 1 and 2. Publisher.
"""


@pytest.fixture(scope="module")
def about_site(tmp_path_factory):
    """The fixture book with an About page, built with an address for error reports."""
    import os

    tmp = tmp_path_factory.mktemp("about")
    source = copy_fixture_book(tmp)
    (source / "about.md").write_text(ABOUT, encoding="utf-8")
    toc = source / "_toc.yml"
    toc.write_text(toc.read_text(encoding="utf-8") + "  - file: about\n", encoding="utf-8")
    os.environ["BOARDROOM_REPORT_URL"] = "https://forms.example.nhs.uk/report?course=1"
    try:
        built = build_book(source, tmp / "out")
    finally:
        del os.environ["BOARDROOM_REPORT_URL"]
    assert built.returncode == 0, built.output[-3000:]
    return built.html


@pytest.fixture(scope="module")
def about_book(about_site):
    return (about_site / "about.html").read_text(encoding="utf-8")


def test_the_decoder_gets_the_same_address_for_reporting_a_missing_term(about_site):
    page = (about_site / "decoder.html").read_text(encoding="utf-8")
    config = json.loads(html.unescape(re.search(r'<script type="application/json" class="boardroom-config">(.*?)</script>',
                                                page, re.S).group(1)))
    assert config["state"]["report"] == "https://forms.example.nhs.uk/report?course=1"


def _rows(page: str) -> list[list[str]]:
    table = page[page.index("<table"): page.index("</table>")]
    return [[html.unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)[1:]]


def test_the_about_page_lists_each_date_from_the_pages(about_book):
    assert _rows(about_book) == [
        ["A page without a quiz", "1 page", "1 October 2026"],
        ["Glossary", "1 page", "30 November 2026"],
        ["Decoder", "1 page", "30 November 2026"],
        ["About", "1 page", "30 November 2026"],
    ]


def test_the_report_link_comes_from_the_build(about_book):
    assert '<a class="reference external" href="https://forms.example.nhs.uk/report?course=1">Report an error</a>' \
        in about_book
    # without the address the directive gives instructions instead: see the book's About page below


def test_sources_show_beside_the_text_and_stay_listed_in_order(about_book):
    notes = about_book[about_book.index('id="notes"'): about_book.index('id="another-section"')]
    margin = re.findall(r'<div class="br-sidenotes br-sidenotes-margin margin docutils container">(.*?)</div>',
                        notes, re.S)
    below = re.findall(r'<div class="br-sidenotes br-sidenotes-below docutils container">(.*?)</div>', notes, re.S)
    text = [[re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", n)).strip() for n in re.findall(r"<p.*?</p>", b, re.S)]
            for b in margin]
    # a note for each source at its first citation in the section; an address shown as its site
    assert text == [["Source 2 Second source. Publisher, 2026. example.net", "Source 1 First source. Publisher, 2025. "
                     "example.org"], ["Source 3 Third source, checked against sources 1 and 2. Publisher."]]
    assert [re.sub(r"<[^>]+>", "", b) for b in below] == [re.sub(r"<[^>]+>", "", m) for m in margin]
    # a new section shows its sources again
    again = about_book[about_book.index('id="another-section"'): about_book.index('id="sources"')]
    assert "First source." in again and "Second source." not in again
    # the numbered list stays, in number order, with each source's full address
    listed = about_book[about_book.index('id="sources"'):]
    assert [int(n) for n in re.findall(r'<span class="label"><span class="fn-bracket">\[</span>(?:<a[^>]*>)?(\d+)', listed)] == [1, 2, 3]
    assert "https://www.example.org/one</a>" in listed


def test_every_teaching_page_of_the_book_has_a_date_and_the_exemptions_are_real():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]

    def walk(items):
        for item in items:
            if "file" in item:
                files.append(item["file"])
            walk(item.get("chapters", []) + item.get("sections", []))

    walk(toc["parts"])
    assert set(EXEMPT) <= set(files), "an exemption names a page the book does not have"
    assert "book/about/about-this-course" in files and "index" in files
    missing = []
    for name in files:
        if name in EXEMPT:
            continue
        md, nb = ROOT / f"{name}.md", ROOT / f"{name}.ipynb"
        if md.exists():
            found = re.search(r"\A---\n(?:.*\n)*?last_checked: *\"?(\d{4}-\d\d-\d\d)", md.read_text(encoding="utf-8"))
        else:
            found = re.search(r'"last_checked": "(\d{4}-\d\d-\d\d)"', nb.read_text(encoding="utf-8"))
        if not found:
            missing.append(name)
    assert missing == []


def _parts_and_dates() -> dict[str, dt.date]:
    """Each part of the book and the oldest date among its pages, read from the sources."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    out = {}

    def pages(item):
        yield item["file"]
        for child in item.get("sections", []) + item.get("chapters", []):
            yield from pages(child)

    for part in toc["parts"]:
        days = []
        for item in part["chapters"]:
            for name in pages(item):
                if name in EXEMPT:
                    continue
                path = ROOT / f"{name}.md"
                text = path.read_text(encoding="utf-8") if path.exists() else (ROOT / f"{name}.ipynb").read_text()
                days.append(dt.date.fromisoformat(re.search(r"last_checked\"?: *\"?(\d{4}-\d\d-\d\d)", text).group(1)))
        out[part["caption"]] = min(days)
    return out


def test_the_books_about_page_lists_every_part_with_its_date(book):
    page = (book.html / "book" / "about" / "about-this-course.html").read_text(encoding="utf-8")
    expected = [[caption, f"{day.day} {day:%B %Y}"] for caption, day in _parts_and_dates().items()]
    assert [[row[0], row[2]] for row in _rows(page)] == expected
    # no error address set for this build: plain instructions, no link
    report = page[page.index('id="report-an-error"'): page.index('id="when-each-part-was-last-checked"')]
    assert "Tell the person or team who gave you this course" in report and "<a " not in report.split("</h2>", 1)[1]


def test_every_page_names_the_licence_in_its_footer(book):
    pages = site_pages(book.html)
    assert len(pages) > 30
    lacking = []
    for page in pages:
        text = (book.html / page).read_text(encoding="utf-8")
        footer = text[text.rfind('<nav class="extra_footer"'):]
        if "Creative Commons Attribution 4.0 International licence (CC BY 4.0)" not in footer or "#licence" not in footer:
            lacking.append(page)
    assert lacking == []


def test_teaching_pages_show_their_date_and_exempt_ones_do_not(book):
    strategy = (book.html / "book" / "strategy" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"</h1>\s*<p class=\"br-last-checked\">Last checked <time datetime=", strategy)
    notebook = (book.html / "exercises" / "workshops" / "decode-the-board-pack.html").read_text(encoding="utf-8")
    assert 'class="br-last-checked"' in notebook
    assert 'class="br-last-checked"' not in (book.html / "book" / "reference" / "glossary.html").read_text(encoding="utf-8")
