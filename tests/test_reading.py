"""A reading experience that respects the reader's time (issue 17, item 5): each
module's front page lists its pages from the table of contents with their
reading times; the previous and next links say where they lead; the site's
search finds glossary terms and question cards."""

from __future__ import annotations

import html
import math
import os
import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, build_book, copy_fixture_book

from boardroom.glossary.lint import body_words
from boardroom.problems import Problem
from boardroom.reading import page_facts, reading_minutes

FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def toc_modules() -> dict[str, list[str]]:
    """Each module's front page and its sections, read from _toc.yml here rather than by the code under test."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    found = {}
    for part in toc["parts"]:
        for chapter in part["chapters"]:
            if chapter["file"].endswith("/index") and chapter.get("sections"):
                found[chapter["file"]] = [chapter["file"], *(s["file"] for s in chapter["sections"])]
    return found


def text_of(fragment: str) -> str:
    text = html.unescape(re.sub(r"<[^>]+>", "", fragment)).replace("\u2019", "'").replace("\u201c", "\"").replace("\u201d", "\"")  # the typographer's quotes
    return " ".join(text.split())


# ---- the front matter ------------------------------------------------------------------

def test_every_module_page_has_a_one_line_description():
    modules = toc_modules()
    assert set(modules) >= {"book/strategy/index", "book/jargon/index", "book/failing-projects/index",
                            "book/deciding/index"}
    for pages in modules.values():
        for page in pages:
            meta = yaml.safe_load(FRONT.match((ROOT / f"{page}.md").read_text(encoding="utf-8")).group(1))
            assert isinstance(meta.get("description"), str) and 20 < len(meta["description"]) <= 160, page


@pytest.mark.parametrize("front, message", [
    ("last_checked: 2026-12-02", "page.md:1: no description: add a line 'description: "),
    ("last_checked: 2026-12-02\ndescription: |\n  two\n  lines", "page.md:3: description must be one line of text"),
    ("last_checked: 2026-12-02\ndescription: " + "long " * 40, "page.md:3: description is 199 characters: keep it to 160"),
    ("last_checked: 2026-12-02\ndescription: Fine.\nactivity_minutes: soon",
     "page.md:4: activity_minutes 'soon' must be a whole number of minutes from 0 to 240"),
    ("description: a: b: c", "page.md:2: the front matter is not valid YAML"),
])
def test_bad_front_matter_is_a_file_and_line_problem(tmp_path, front, message):
    page = tmp_path / "page.md"
    page.write_text(f"---\n{front}\n---\n\n# A page\n\nSome words.\n", encoding="utf-8")
    found = page_facts(page)
    assert isinstance(found, Problem)
    assert str(found).startswith(str(page).split("page.md")[0]) and message in str(found)


def test_reading_time_is_the_words_at_200_a_minute_rounded_up():
    assert [reading_minutes(n) for n in (0, 1, 200, 201, 1800)] == [1, 1, 1, 2, 9]


# ---- the built book: the front pages ----------------------------------------------------

def module_list(page: str) -> tuple[list[tuple[str, str]], str]:
    """The items of a front page's list as (href, text), and the total under it."""
    found = re.search(r'<ul class="br-module-pages[^"]*">(.*?)</ul>\s*<p class="br-module-pages-total">(.*?)</p>',
                      page, re.S)
    assert found, "no list of the module's pages"
    items = []
    for item in re.findall(r"<li>(.*?)</li>", found.group(1), re.S):
        href = re.search(r'href="([^"]+)"', item)
        items.append((href.group(1) if href else "", text_of(item)))
    return items, text_of(found.group(2))


def test_each_module_front_page_lists_its_toc_pages_with_description_and_reading_time(book):
    assert book.returncode == 0, book.output[-3000:]
    for front, pages in toc_modules().items():
        built = (book.html / f"{front}.html").read_text(encoding="utf-8")
        items, total = module_list(built)
        here = Path(front).parent
        assert len(items) == len(pages), front
        read_sum = activity_sum = 0
        for (href, text), page in zip(items, pages):
            source = (ROOT / f"{page}.md").read_text(encoding="utf-8")
            meta = yaml.safe_load(FRONT.match(source).group(1))
            title = re.search(r"^# (.+)$", source, re.M).group(1)
            minutes = max(1, math.ceil(body_words(source) / 200))
            activity = meta.get("activity_minutes", 0)
            read_sum, activity_sum = read_sum + minutes, activity_sum + activity
            if page == front:
                assert href == "" and text.startswith(f"{title} (this page)."), text
            else:
                assert os.path.normpath(here / href) == os.path.normpath(f"{page}.html"), (href, page)
                assert text.startswith(f"{title}. "), text
            assert meta["description"] in text
            wanted = f"({minutes} minute{'s' * (minutes != 1)} to read"
            assert wanted in text, (page, text)
            assert (f"plus {activity} " in text) == bool(activity), text
        assert total.startswith(f"Time in all: about {read_sum} minutes to read the module, plus {activity_sum} "), total


def test_a_page_with_a_quiz_or_tool_gives_its_activity_time(book):
    built = (book.html / "book/failing-projects/index.html").read_text(encoding="utf-8")
    items, _ = module_list(built)
    by_href = dict(items)
    assert "plus 15 for the quiz)" in by_href["check.html"]
    assert "plus 20 for the review tool)" in by_href["health-check.html"]


# ---- a fixture book: the directive and its failures ---------------------------------------

MODULE_FRONT = """---
last_checked: 2026-11-30
description: The module's front page.
---

# A module

```{{module-pages}}
```

{words}
"""

MODULE_PAGE = """---
last_checked: 2026-11-30
{front}
---

# {title}

{body}
"""


def module_book(tmp_path: Path) -> Path:
    source = copy_fixture_book(tmp_path)
    (source / "mod").mkdir()
    (source / "mod" / "index.md").write_text(MODULE_FRONT.format(words="word " * 150), encoding="utf-8")
    (source / "mod" / "first.md").write_text(MODULE_PAGE.format(
        front="description: The first page, of 450 words.", title="First", body="word " * 450), encoding="utf-8")
    (source / "mod" / "quiz.md").write_text(MODULE_PAGE.format(
        front="description: A quiz.\nactivity_minutes: 12", title="The quiz", body="```{quiz} every-type\n```"),
        encoding="utf-8")
    toc = source / "_toc.yml"
    toc.write_text(toc.read_text(encoding="utf-8") + "  - file: mod/index\n    sections:\n      - file: mod/first\n"
                   "      - file: mod/quiz\n", encoding="utf-8")
    return source


def test_the_list_follows_each_page_and_a_rebuild_notices_a_changed_page(tmp_path):
    source = module_book(tmp_path)
    built = build_book(source, tmp_path / "out")
    assert built.returncode == 0, built.output[-3000:]
    items, total = module_list((built.html / "mod/index.html").read_text(encoding="utf-8"))
    assert items == [
        ("", "A module (this page). The module's front page. (1 minute to read)"),
        ("first.html", "First. The first page, of 450 words. (3 minutes to read)"),
        ("quiz.html", "The quiz. A quiz. (1 minute to read, plus 12 for the quiz)"),
    ]
    assert total == ("Time in all: about 5 minutes to read the module, plus 12 for its quizzes, tools and practice. "
                     "Reading times count the words on each page at 200 words a minute.")
    first = source / "mod" / "first.md"
    first.write_text(first.read_text(encoding="utf-8").replace("of 450 words.", "now longer.") + "word " * 600,
                     encoding="utf-8")
    built = build_book(source, tmp_path / "out")
    assert built.returncode == 0, built.output[-3000:]
    items, _ = module_list((built.html / "mod/index.html").read_text(encoding="utf-8"))
    assert items[1] == ("first.html", "First. The first page, now longer. (6 minutes to read)")


def test_a_module_page_without_description_or_activity_time_fails_the_build(tmp_path):
    source = module_book(tmp_path)
    first = source / "mod" / "first.md"
    first.write_text(first.read_text(encoding="utf-8").replace("description: The first page, of 450 words.\n", ""),
                     encoding="utf-8")
    quiz = source / "mod" / "quiz.md"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("activity_minutes: 12\n", ""), encoding="utf-8")
    second = source / "second.md"
    second.write_text(second.read_text(encoding="utf-8") + "\n```{module-pages}\n```\n", encoding="utf-8")
    built = build_book(source, tmp_path / "out")
    assert built.returncode != 0
    assert "mod/first.md:1: no description: add a line 'description: what the page covers" in built.output
    assert "mod/quiz.md:1: the page shows the quiz: add 'activity_minutes: N' to the front matter" in built.output
    assert "{module-pages} goes on a module's front page" in built.output
    assert "Traceback" not in built.output


# ---- previous and next -----------------------------------------------------------------

def foot(book, page: str) -> dict[str, tuple[str, str]]:
    built = (book.html / page).read_text(encoding="utf-8")
    area = re.search(r'<nav class="prev-next-area"[^>]*>(.*?)</nav>', built, re.S).group(1)
    return {cls: (href, text_of(inner)) for cls, href, inner in
            re.findall(r'<a class="(left-prev|right-next)" href="([^"]+)">(.*?)</a>', area, re.S)}


def test_previous_and_next_links_name_where_they_lead(book):
    assert foot(book, "book/strategy/index.html") == {
        "left-prev": ("../why-the-board/two-better-decisions.html",
                      "Previous: Why digital decisions belong to the board"),
        "right-next": ("what-good-looks-like.html", "Next: What good looks like: four yardsticks for a strategy"),
    }
    assert foot(book, "book/strategy/check.html")["right-next"] == ("../jargon/index.html",
                                                                    "Next module: Decoding the jargon")
    assert foot(book, "book/jargon/index.html")["left-prev"] == (
        "../strategy/check.html", "Previous: Check your understanding: reading a technology strategy")
    assert foot(book, "book/why-the-board/two-better-decisions.html")["right-next"][1] == \
        "Next module: Reading a technology strategy"
    assert foot(book, "book/deciding/check.html")["right-next"][1] == "Next module: AI and patient data"
    assert foot(book, "book/ai-and-data/check.html")["right-next"][1] == "Next module: The board's own part"
    assert foot(book, "book/governing/check.html")["right-next"][1] == "Next: Questions to ask"


@pytest.mark.browser
def test_the_foot_links_are_named_by_their_destination(visit, site):
    v = visit()
    v.page.goto(site + "book/strategy/check.html")
    link = v.page.get_by_role("link", name="Next module: Decoding the jargon", exact=True)
    assert link.count() == 1
    assert link.get_attribute("title") is None  # no tooltip that says less than the link
    # the label reads as written: the stock theme capitalised every word
    assert v.page.locator(".right-next .prev-next-subtitle").evaluate(
        "e => getComputedStyle(e).textTransform") == "none"


# ---- search ----------------------------------------------------------------------------

def search(v, site: str, query: str) -> list[tuple[str, str]]:
    v.page.goto(site + "search.html?q=" + query.replace(" ", "+"))
    v.page.wait_for_function("() => /Search finished/.test(document.querySelector('#search-results')?.innerText ?? '')",
                             timeout=30_000)
    return v.page.eval_on_selector_all(
        "#search-results li", "els => els.map(e => [e.querySelector('a').getAttribute('href'), e.innerText])")


@pytest.mark.browser
def test_search_finds_a_glossary_term_on_the_glossary_page(visit, site):
    results = search(visit(), site, "SNOMED CT")
    assert results, "nothing found"
    assert results[0][0].startswith("book/reference/glossary.html#term-SNOMED"), results[:3]


@pytest.mark.browser
def test_search_finds_a_question_card_by_its_words_and_opens_it(visit, site):
    cards = yaml.safe_load((ROOT / "exercises/questions/deciding.yml").read_text(encoding="utf-8"))
    card = next(c for c in cards["cards"] if "evaluation criteria" in c["question"])
    v = visit()
    results = search(v, site, "evaluation criteria weights")
    hrefs = [href for href, _ in results]
    at_card = [h for h in hrefs if h.endswith(f"#card-{card['id']}")]
    assert {h.split("#")[0] for h in at_card} == {"book/deciding/check.html", "book/reference/questions-to-ask.html"}
    assert hrefs.index(at_card[0]) < 3, results[:5]
    text = dict(results)[at_card[0]]
    assert card["question"] in text and "question card" in text
    v.page.goto(site + at_card[0])
    assert v.page.locator(f"#card-{card['id']} .br-card-question").inner_text() == card["question"]
