"""The learning record's build side (boardroom.record): modules read from the table of
contents, the {learning-record} directive, progress elements and the marks on module pages."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from sphinx_external_toc.parsing import parse_toc_yaml

from boardroom.quiz.banks import load_bank
from boardroom.record import modules
from conftest import FIXTURES, ROOT, build_book, copy_fixture_book

TOOLS = ROOT / "exercises" / "tools"
DATE = "---\nlast_checked: 2026-12-02\n---\n\n"
MODULE_DATE = "---\nlast_checked: 2026-12-02\ndescription: A page of the fixture module.\n---\n\n"


def test_the_modules_are_the_toc_chapters_that_are_a_folder_index_with_pages():
    found = modules(parse_toc_yaml(ROOT / "_toc.yml"))
    names = [m.docname for m in found]
    assert names == ["book/strategy/index", "book/jargon/index", "book/failing-projects/index", "book/deciding/index",
                     "book/ai-and-data/index", "book/governing/index"]
    strategy = found[0]
    assert strategy.pages[0] == "book/strategy/index" and "book/strategy/check" in strategy.pages
    # a single page, a reference page or the facilitators' pack is no module
    every_page = {p for m in found for p in m.pages}
    assert not every_page & {"book/why-the-board/two-better-decisions", "book/reference/glossary",
                             "book/facilitators/workshops", "index"}


def test_a_new_module_in_the_toc_adds_itself(tmp_path):
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    toc["parts"].insert(-2, {"caption": "A new module", "chapters": [
        {"file": "book/new/index", "sections": [{"file": "book/new/one"}, {"file": "book/new/two"}]}]})
    path = tmp_path / "_toc.yml"
    path.write_text(yaml.safe_dump(toc), encoding="utf-8")
    found = {m.docname: m.pages for m in modules(parse_toc_yaml(path))}
    assert found["book/new/index"] == ("book/new/index", "book/new/one", "book/new/two")
    assert len(found) == 7


def test_no_toc_no_modules():
    assert modules(None) == []


def _record_book(folder: Path, record_page: str) -> Path:
    """The fixture book with a two-page module, a record page and both review tools."""
    source = copy_fixture_book(folder)
    (source / "mod").mkdir()
    # a module's pages describe themselves for its front page's list (boardroom.reading)
    (source / "mod" / "index.md").write_text(MODULE_DATE + "# The module\n\nIts front page.\n", encoding="utf-8")
    (source / "mod" / "part.md").write_text(MODULE_DATE + "# A part\n\nA page of the module.\n", encoding="utf-8")
    (source / "record.md").write_text(DATE + record_page, encoding="utf-8")
    shutil.copytree(TOOLS, source / "exercises" / "tools")
    (source / "_toc.yml").write_text(
        "format: jb-book\nroot: index\nchapters:\n  - file: mod/index\n    sections:\n      - file: mod/part\n"
        "  - file: record\n  - file: second\n  - file: glossary\n  - file: decoder\n", encoding="utf-8")
    return source


def _config(page_html: str) -> dict:
    raw = re.search(r'<script type="application/json" class="boardroom-config">(.*?)</script>', page_html).group(1)
    return json.loads(raw)


@pytest.fixture(scope="module")
def record_book(tmp_path_factory):
    source = _record_book(tmp_path_factory.mktemp("record"), "# My record\n\n```{learning-record}\n```\n")
    built = build_book(source, tmp_path_factory.mktemp("record-out"))
    assert built.returncode == 0, built.output[-3000:]
    return built.html


def test_the_directive_gives_the_page_the_modules_banks_and_tools(record_book):
    page = (record_book / "record.html").read_text(encoding="utf-8")
    config = _config(page)
    assert config["component"] == "record"
    modules_ = config["state"]["modules"]
    assert modules_ == [{"id": "mod/index", "title": "The module", "href": "mod/index.html",
                         "pages": ["mod/index", "mod/part"]}]
    catalogue = config["state"]["catalogue"]
    bank = load_bank(FIXTURES / "every-type.yml")
    assert catalogue["quiz"] == {"every-type": {"title": bank.title, "total": len(bank.questions)}}
    tools = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))["title"] for p in TOOLS.glob("*.yml")}
    assert catalogue["tool"] == {k: {"title": v} for k, v in tools.items()}
    assert config["state"]["course"] == "Fixture book"
    # the fallback says what the page would show, and that nothing is kept without JavaScript
    assert "With JavaScript off, nothing is kept" in page
    assert "boardroom-record.js" in page and "boardroom.js" in page


def test_module_pages_are_marked_and_progress_sits_on_the_front_and_root_pages(record_book):
    front = (record_book / "mod" / "index.html").read_text(encoding="utf-8")
    part = (record_book / "mod" / "part.html").read_text(encoding="utf-8")
    root = (record_book / "index.html").read_text(encoding="utf-8")
    other = (record_book / "second.html").read_text(encoding="utf-8")
    assert '<meta name="boardroom-page" content="mod/part">' in part
    assert '<meta name="boardroom-module" content="mod/index">' in part
    assert 'name="boardroom-page"' not in other and 'name="boardroom-page"' not in root
    for page in (front, part, root, other):
        assert "_static/boardroom-store.js" in page
    assert 'class="br-module-progress' in front and 'class="br-module-progress' in root
    assert 'class="br-module-progress' not in part and 'class="br-module-progress' not in other
    data = json.loads(re.search(r'br-module-progress[^"]*"><script type="application/json">(.*?)</script>', root).group(1))
    assert data == [{"title": "The module", "href": "mod/index.html", "pages": ["mod/index", "mod/part"]}]
    # with a link to the record page, relative to the page
    assert 'href="../record.html">Your learning record</a>' in front
    # right under the title
    title_at, progress_at = front.index("<h1>"), front.index("br-module-progress")
    assert progress_at > title_at and "<p>Its front page.</p>" in front[progress_at:]


def test_a_broken_bank_fails_the_record_page_with_file_and_line(tmp_path):
    source = _record_book(tmp_path, "# My record\n\n```{learning-record}\n```\n")
    bank = source / "exercises" / "quizzes" / "every-type.yml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("questions:", "questions_typo:", 1), encoding="utf-8")
    built = build_book(source, tmp_path / "out")
    assert built.returncode != 0
    assert re.search(r"every-type\.yml:\d+: ", built.output), built.output[-2000:]
