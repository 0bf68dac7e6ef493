"""The book builds cleanly, and boardroom.sphinx puts quizzes on pages and fails on broken banks."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT, build_book, copy_fixture_book

SPHINX_PROBLEM = re.compile(r"(WARNING|ERROR|CRITICAL):")
# ipykernel 7 prints this when myst-nb starts a kernel on TCP; it is not a Sphinx warning.
KERNEL_NOTICE = "[IPKernelApp] WARNING | Kernel is running over TCP without encryption"


def test_the_book_builds_with_no_warnings(book):
    assert book.returncode == 0, book.output[-4000:]
    problems = [line for line in book.output.splitlines() if SPHINX_PROBLEM.search(line) and KERNEL_NOTICE not in line]
    assert problems == []
    assert "build succeeded." in book.output


def test_pages_ship_components_from_the_site_only(book):
    page = (book.html / "book" / "why-the-board" / "two-better-decisions.html").read_text(encoding="utf-8")
    assert 'class="boardroom-mount" data-boardroom-component="quiz" data-boardroom-key="why-the-board"' in page
    assert re.search(r'<script defer="defer" src="../../_static/boardroom\.js\?v=\w+"></script>', page)
    assert (book.html / "_static" / "boardroom.js").read_text(encoding="utf-8").count("BoardroomComponents[") >= 1
    assert "<details><summary>Answer and explanation</summary>" in page
    assert not re.search(r'<(script|link|img)\b[^>]*\b(src|href)="(https?:)?//', page), "a page asset from another host"
    # a page with no component and no glossary link does not load the script
    assert "boardroom.js" not in (book.html / "search.html").read_text(encoding="utf-8")


def test_an_executed_notebook_page_renders_the_widget_through_text_html(book):
    page = (book.html / "book" / "facilitators" / "live-quizzes.html").read_text(encoding="utf-8")
    assert 'data-boardroom-key="why-the-board"' in page
    assert "application/vnd.jupyter.widget-state+json" not in page
    assert "application/vnd.jupyter.widget-view+json" not in page
    assert "require.js" not in page and "html-manager" not in page



def test_a_small_fixture_book_builds_and_mounts_the_quiz(tmp_path):
    built = build_book(copy_fixture_book(tmp_path), tmp_path / "out")
    assert built.returncode == 0, built.output[-3000:]
    index = (built.html / "index.html").read_text(encoding="utf-8")
    assert index.count('class="boardroom-mount"') == 1
    assert index.count('class="br-question"') == 5  # the fallback lists every question
    assert "boardroom.js" not in (built.html / "search.html").read_text(encoding="utf-8")
    # term links bring the tips, carrying only the meanings of the terms on the page
    second = (built.html / "second.html").read_text(encoding="utf-8")
    assert 'data-boardroom-component="terms"' in second and "Health and Social Care Network" in second
    assert "Database server" not in second


def test_a_broken_or_missing_bank_fails_the_build_with_file_and_line(tmp_path):
    source = copy_fixture_book(tmp_path)
    bank = source / "exercises" / "quizzes" / "every-type.yml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("answer: record", "answer: recrod"), encoding="utf-8")
    (source / "second.md").write_text("# Second\n\n```{quiz} no-such-bank\n```\n", encoding="utf-8")
    built = build_book(source, tmp_path / "out")
    assert built.returncode != 0
    assert "exercises/quizzes/every-type.yml:15: answer 'recrod' points at no option (options: record, portal)" in built.output
    assert "exercises/quizzes/no-such-bank.yml:1: no question bank 'no-such-bank': the file does not exist" in built.output
    assert "Traceback" not in built.output


def test_every_link_is_relative_so_the_site_works_from_any_path(book):
    absolute = re.compile(r'\b(?:href|src)="/(?!/)')
    offenders = [
        str(page.relative_to(book.html))
        for page in book.html.rglob("*.html")
        if absolute.search(page.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_a_broken_glossary_fails_the_build_with_file_and_line(tmp_path):
    source = copy_fixture_book(tmp_path)
    terms = source / "glossary" / "terms.yml"
    terms.write_text(terms.read_text(encoding="utf-8").replace("category: technology", "category: gadgets", 1),
                     encoding="utf-8")
    built = build_book(source, tmp_path / "out")
    assert built.returncode != 0
    assert "glossary/terms.yml:" in built.output and "unknown category 'gadgets'" in built.output
    assert "Traceback" not in built.output


def test_the_theme_stylesheet_ships_without_its_icon_font_rules(book):
    import pydata_sphinx_theme

    stock = (Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static" / "styles"
             / "pydata-sphinx-theme.css").read_text(encoding="utf-8")
    served = (book.html / "_static" / "styles" / "pydata-sphinx-theme.css").read_text(encoding="utf-8")
    glyph = re.compile(r'\.fa-[a-z0-9-]+::?before[^{]*\{\s*content:')
    assert len(glyph.findall(stock)) > 1000
    assert glyph.findall(served) == []
    # everything else of the theme is still there, rule for rule
    assert served.count("{") == stock.count("{") - len(re.findall(r'(?:\.fa-[a-z0-9-]+::?before,?\s*)+\{\s*content:', stock))
    assert ".bd-header" in served and "sourceMappingURL" not in served
    assert not (book.html / "_static" / "styles" / "pydata-sphinx-theme.css.map").exists()


def test_each_rules_file_is_a_directive_and_may_not_take_another_directive_s_name(tmp_path):
    """A new tool needs only its rules file: exercises/tools/ID.yml brings ```{ID}```. A file named
    like an existing directive fails the build, naming the file, and the existing directive still works."""
    source = copy_fixture_book(tmp_path)
    tools = source / "exercises" / "tools"
    tools.mkdir(parents=True)
    mini = (ROOT / "tests" / "fixtures" / "tools" / "mini.yml").read_text(encoding="utf-8")
    (tools / "mini.yml").write_text(mini, encoding="utf-8")
    (tools / "note.yml").write_text(mini.replace("id: mini\n", "id: note\n"), encoding="utf-8")
    (source / "second.md").write_text("---\nlast_checked: 2026-12-02\n---\n\n# Second\n\n```{mini}\n```\n\n```{note}\nStill a note.\n```\n", encoding="utf-8")
    built = build_book(source, tmp_path / "out")
    assert built.returncode != 0, built.output[-3000:]
    assert "exercises/tools/note.yml:1: tool 'note' has the name of another directive" in built.output
    assert "Traceback" not in built.output
    second = (built.html / "second.html").read_text(encoding="utf-8")
    assert 'data-boardroom-component="tool" data-boardroom-key="mini"' in second
    assert "Still a note." in second and 'class="admonition note"' in second
