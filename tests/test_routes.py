"""Routes through the course (exercises/routes.yml, boardroom/routes) and the landing page.

- the routes file is checked against the book: a page, section, tool or card
  situation that does not exist is a ``file:line: problem``, from ``boardroom
  validate`` and from the build;
- the ``{role-route}`` directive renders every route with working links, minutes
  and the question cards filtered by situation;
- the landing page links every module, reference page, tool and workshop, and
  shows the course's purpose, the essentials route and the three main uses
  above the fold on a laptop and a phone, in light and dark;
- nothing in the course says it is unfinished.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from boardroom.cli import main
from boardroom.problems import ProblemsFound
from boardroom.pages import toc_files
from boardroom.routes.data import ROUTES_PATH, headings, load_routes

from conftest import ROOT, build_book, copy_fixture_book

ROLES = ["chair", "non-executive", "chief-executive", "finance-director", "medical-and-nursing-directors",
         "digital-authors", "board-development"]


def small_book(folder: Path, routes: str) -> Path:
    """A book root with a table of contents, two pages, a tool page and ``routes`` as exercises/routes.yml."""
    (folder / "book").mkdir(parents=True)
    (folder / "_toc.yml").write_text(
        "format: jb-book\nroot: index\nchapters:\n  - file: book/one\n  - file: book/tool\n  - file: book/nb\n",
        encoding="utf-8")
    (folder / "index.md").write_text("# Home\n", encoding="utf-8")
    words = " ".join(["word"] * 400)
    (folder / "book" / "one.md").write_text(
        f"# Page one\n\n## First part\n\n{words}\n\n### Detail\n\n{words}\n\n## Second part\n\nShort.\n\n"
        "## Twice\n\nA.\n\n## Twice\n\nB.\n\n```{admonition} Inside a fence\n## Not a heading\n```\n",
        encoding="utf-8")
    (folder / "book" / "tool.md").write_text("# The tool\n\n```{health-check}\n```\n", encoding="utf-8")
    (folder / "book" / "nb.ipynb").write_text('{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}',
                                              encoding="utf-8")
    (folder / "exercises").mkdir()
    path = folder / "exercises" / "routes.yml"
    path.write_text(routes, encoding="utf-8")
    return path


GOOD = """\
routes:
  - id: chair
    title: The chair
    summary: For the chair.
    read:
      - page: book/one
        section: First part
        why: Because.
      - page: book/one
        section: Second part
        why: Because.
      - page: book/nb
        minutes: 7
        why: A notebook.
    tools:
      - tool: health-check
        page: book/tool
        minutes: 20
        why: Try it.
    cards:
      situations: [go-live]
      minutes: 5
      why: Print them.
    next_meeting: Ask one question.
"""


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ProblemsFound) as found:
        load_routes(path, path.parents[1])
    return [str(p) for p in found.value.problems]


def test_a_good_route_counts_minutes_from_the_words_of_its_section(tmp_path):
    path = small_book(tmp_path, GOOD)
    (route,) = load_routes(path, tmp_path)
    first, second, notebook = route.read
    # "First part" runs to the next level-2 heading, its level-3 detail included: 800 words and
    # two headings' words at 200 a minute; "Second part" is one word, and a stop is at least a minute
    assert (first.minutes, first.counted, first.anchor) == (4, True, "first-part")
    assert (second.minutes, notebook.minutes, notebook.counted) == (1, 7, False)
    assert route.reading_minutes == 12 and route.total_minutes == 12 + 20 + 5


@pytest.mark.parametrize("old, new, line, message", [
    ("page: book/one\n        section: First part", "page: book/none\n        section: First part", 6,
     "no page 'book/none' in the book's table of contents (_toc.yml)"),
    ("section: Second part", "section: Third part", 10, "'book/one' has no section 'Third part' (its sections: "
     "First part; Detail; Second part; Twice; Twice)"),
    ("section: Second part", "section: Twice", 10, "'book/one' has 2 sections called 'Twice'"),
    ("section: Second part", "section: Not a heading", 10, "'book/one' has no section 'Not a heading'"),
    ("tool: health-check", "tool: strategy-review", 16, "'book/tool' does not show the tool 'strategy-review'"),
    ("situations: [go-live]", "situations: [go-live, golf]", 21, "'situations' must be"),
    ("        minutes: 7\n", "", 12, "'book/nb' is a notebook: state its minutes"),
    ("    next_meeting: Ask one question.\n", "", 2, "missing required key 'next_meeting'"),
])
def test_each_broken_reference_is_a_file_and_line_problem(tmp_path, old, new, line, message):
    assert old in GOOD
    path = small_book(tmp_path, GOOD.replace(old, new))
    problems = problems_of(path)
    assert len(problems) == 1, problems
    where, _, text = problems[0].partition(": ")
    assert where.endswith(f"exercises/routes.yml:{line}") and text.startswith(message.split(" (")[0]), problems


def test_the_same_route_id_twice_is_a_problem(tmp_path):
    twice = GOOD + GOOD.split("routes:\n", 1)[1]
    assert any("route id 'chair' is used twice" in p for p in problems_of(small_book(tmp_path, twice)))


def test_validate_prints_file_and_line_and_exits_1_without_a_traceback(tmp_path, capsys):
    path = small_book(tmp_path, GOOD.replace("page: book/tool", "page: book/gone"))
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr()
    assert re.search(r"exercises/routes\.yml:17: no page 'book/gone'", out.out), out
    assert "Traceback" not in out.out + out.err
    assert main(["validate", str(small_book(tmp_path / "good", GOOD))]) == 0


def test_the_course_routes_are_valid_and_essentials_takes_about_20_minutes():
    routes = {r.route.id: r for r in load_routes(ROOT / ROUTES_PATH, ROOT)}
    assert set(routes) == {"essentials", *ROLES}
    # the page promises twenty minutes: the words of the pages it points at must keep the promise
    assert 18 <= routes["essentials"].total_minutes <= 22, routes["essentials"].total_minutes
    assert routes["essentials"].route.next_meeting


def test_a_route_naming_a_missing_page_fails_the_build_with_file_and_line(tmp_path):
    source = copy_fixture_book(tmp_path)
    (source / "exercises" / "routes.yml").write_text(
        GOOD.replace("book/one", "second").replace("section: First part", "section: No such part")
        .replace("book/tool", "decoder").replace("health-check", "acronym-decoder").replace("book/nb", "missing"),
        encoding="utf-8")
    (source / "second.md").write_text((source / "second.md").read_text(encoding="utf-8")
                                      + "\n## Route\n\n```{role-route} chair\n```\n", encoding="utf-8")
    built = build_book(source, tmp_path / "out")
    assert built.returncode != 0
    assert "exercises/routes.yml:7: 'second' has no section 'No such part'" in built.output, built.output[-3000:]
    assert "exercises/routes.yml:12: no page 'missing' in the book's table of contents" in built.output
    assert "Traceback" not in built.output


def _links(page: Path, html_root: Path) -> list[tuple[str, str, str]]:
    """The main content's links to pages of the site: (page path, query, fragment)."""
    text = page.read_text(encoding="utf-8")
    main_part = text[text.index('id="main-content"'):]
    out = []
    for href in re.findall(r'<a [^>]*href="([^"]+)"', main_part):
        parts = urlsplit(href)
        if parts.scheme or not parts.path.endswith(".html"):
            continue
        target = (page.parent / parts.path).resolve().relative_to(html_root.resolve()).as_posix()
        out.append((target, parts.query, parts.fragment))
    return out


def test_every_role_route_renders_with_links_that_resolve(book):
    html = book.html
    by_role = html / "book/start/by-role.html"
    text = by_role.read_text(encoding="utf-8")
    for role in ROLES:
        assert f'id="route-{role}"' in text, role
    assert 'id="route-essentials"' in (html / "book/start/essentials.html").read_text(encoding="utf-8")
    links = _links(by_role, html) + _links(html / "book/start/essentials.html", html)
    for target, query, fragment in links:
        assert (html / target).exists(), target
        if fragment:
            assert f'id="{fragment}"' in (html / target).read_text(encoding="utf-8"), (target, fragment)
        if query:
            assert target == "book/reference/questions-to-ask.html" and query.startswith("situation=")
    # every route's minutes are shown, and each route links its cards filtered by situation
    assert len(re.findall(r'class="br-minutes">\d+ minutes?<', text)) >= 7 * 5
    assert sum(1 for t, q, _ in links if q) == len(ROLES) + 1


def test_the_writing_page_links_the_cards_filtered_by_situation(book):
    links = _links(book.html / "book/start/writing-a-digital-paper.html", book.html)
    assert ("book/reference/questions-to-ask.html", "situation=business-case", "") in links


def _landing_must_link(book) -> set[str]:
    """Every chapter of every part of the table of contents, each workshop's guide and
    handout, and every page that holds a tool (a review tool, the decoder, the room summary)."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    pages = {c["file"] for part in toc["parts"] for c in part["chapters"]}
    pages |= {f for f in toc_files(ROOT) if f.startswith("book/facilitators/")}
    for page in book.html.rglob("*.html"):
        if re.search(r'data-boardroom-component="(tool|decoder|summary)"', page.read_text(encoding="utf-8")):
            pages.add(page.relative_to(book.html).with_suffix("").as_posix())
    return {f"{p}.html" for p in pages}


def test_the_landing_page_links_every_module_reference_page_tool_and_workshop(book):
    linked = {target for target, _, _ in _links(book.html / "index.html", book.html)}
    wanted = _landing_must_link(book)
    assert {"book/deciding/index.html", "book/reference/decoder.html", "book/facilitators/pre-mortem.html",
            "book/strategy/review-tool.html", "book/failing-projects/health-check.html"} <= wanted
    assert wanted - linked == set()


# "Being written" counts only as a placeholder: alone at the start of a line or paragraph, or said of the
# course or a page. A fictional paper's "the business case is being written" is teaching text, not a stub.
UNFINISHED = re.compile(r"(course|site|book) is being built|first release|more modules (will|to) follow|"
                        r"coming soon|under construction|(?:^|<p>)\s*being written|"
                        r"(course|site|book|page|section|module) is (still )?being written",
                        re.IGNORECASE | re.MULTILINE)


def test_nothing_in_the_course_says_it_is_unfinished(book):
    sources = [ROOT / f"{f}.md" for f in toc_files(ROOT) if (ROOT / f"{f}.md").exists()]
    sources += [ROOT / f"{f}.ipynb" for f in toc_files(ROOT) if (ROOT / f"{f}.ipynb").exists()]
    found = [f"{p.relative_to(ROOT)}: {m.group(0)}" for p in sources
             for m in UNFINISHED.finditer(p.read_text(encoding="utf-8"))]
    found += [f"{p.relative_to(book.html)}: {m.group(0)}" for p in book.html.rglob("*.html")
              for m in UNFINISHED.finditer(p.read_text(encoding="utf-8"))]
    assert found == []
    assert UNFINISHED.search("The course is being built in stages. More modules will follow.")
    assert UNFINISHED.search("# My learning record\n\nBeing written.\n")
    assert UNFINISHED.search("<h1>My learning record</h1>\n<p>Being written.</p>")
    assert not UNFINISHED.search("The outline business case is being written and will go to NHS England later.")


def test_route_sections_are_found_outside_fences_only():
    lines = ["# T", "```{note}", "## In a fence", "```", "## Out", "text", "### Under", "## Next"]
    assert [(h.text, h.start, h.end) for h in headings(lines)] == [
        ("T", 0, 8), ("Out", 4, 7), ("Under", 6, 7), ("Next", 7, 8)]


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width, height", [(1280, 800), (375, 667)], ids=["laptop", "phone"])
def test_the_landing_shows_purpose_essentials_and_the_three_uses_above_the_fold(visit, site, scheme, width, height):
    v = visit(viewport={"width": width, "height": height}, color_scheme=scheme, reduced_motion="reduce")
    v.page.goto(site + "index.html")
    assert v.page.evaluate("document.documentElement.dataset.theme") == scheme
    wanted = {
        "purpose": "article p:not(.br-last-checked):not(.br-module-progress p)",  # progress is hidden for a new reader
        "essentials": ".br-doors a[href$='book/start/essentials.html']",
        "questions": ".br-doors a[href$='book/reference/questions-to-ask.html']",
        "decoder": ".br-doors a[href$='book/reference/decoder.html']",
        "strategy review": ".br-doors a[href$='book/strategy/review-tool.html']",
        "health check": ".br-doors a[href$='book/failing-projects/health-check.html']",
        "contract review": ".br-doors a[href$='book/deciding/practice-case.html']",
    }
    below = {}
    for name, selector in wanted.items():
        box = v.page.locator(selector).first.bounding_box()
        assert box is not None, name
        if box["y"] + box["height"] > height or box["x"] < 0 or box["x"] + box["width"] > width:
            below[name] = box
    assert below == {}
