"""The room's summary in the built book (book/facilitators/room-summary), driven in Debian's Chromium.

One truth, two hosts: summary.js and boardroom.results read, skip and count a room's files by the
same rules, so on every fixture room the page's figures (report.csv_rows, row for row) equal
Python's. The `visit` fixture fails a test whose page tried to leave 127.0.0.1 or logged an error.
"""

from __future__ import annotations

import base64
import json
import zipfile
from pathlib import Path

import pytest

from boardroom.results import summarise_folder
from boardroom.results.report import csv_rows
from boardroom.results.summary import summarise
from resultfiles import ROOT, make_sample, quiz_file, tool_file, write
from test_accessibility import forgive_axe_css_fetch, violations
from test_results import Q, contract_room, load_tool_items, room  # noqa: F401  (fixtures: the broken-file room, contract reviews)

pytestmark = pytest.mark.browser

PAGE = "book/facilitators/room-summary.html"
SAMPLE = ROOT / "exercises" / "workshops" / "sample-results"
LIVE = ".boardroom-component .br-summary"
RESULT = f"{LIVE} .br-summary-result"

# Runs summary.js's own rules on files given as base64, as the page does after reading them.
JS_SUMMARY = """([files, rules]) => {
  const S = BoardroomComponents.summary;
  const entries = files.map(([name, b64]) => ({ name, bytes: Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)) }));
  return S.csvRows(S.summarise(S.readEntries(entries, rules.versions), rules));
}"""


def open_page(visit, site, **options):
    v = visit(**options)
    v.page.goto(site + PAGE)
    v.page.locator(LIVE).wait_for()
    return v


def rules(page) -> dict:
    return page.evaluate("JSON.parse(document.querySelector('.boardroom-mount script.boardroom-config').textContent)"
                         ".state.rules")


def files_of(folder: Path) -> list[list[str]]:
    return [[p.name, base64.b64encode(p.read_bytes()).decode("ascii")] for p in sorted(folder.iterdir()) if p.is_file()]


def python_rows(folder: Path) -> list[list[str]]:
    return csv_rows(summarise(folder))


@pytest.fixture
def odd_room(tmp_path) -> Path:
    """Files at the edges of the rules: where Python and JavaScript differ unless the rules say how."""
    folder = tmp_path / "odd"
    folder.mkdir()
    health = load_tool_items()
    base = quiz_file("jargon", {Q[0]}, "2026-12-01T10:00:00Z")
    write(folder, "crlf.json", json.dumps(quiz_file("jargon", {Q[1]}, "2026-12-01T10:01:00Z"), indent=2).replace("\n", "\r\n"))
    write(folder, "bom.json", "\ufeff" + json.dumps(base))
    write(folder, "nan.json", json.dumps(dict(base, score=float("nan"), saved_at="x")))  # Python reads NaN
    write(folder, "cut-in-a-string.json", json.dumps(base, indent=2)[:500])
    write(folder, "trailing-comma.json", '{\n"a": [1,\n2,\n]\n}')
    write(folder, "bad-escape.json", '{\n"a": "\\q"\n}')
    write(folder, "control.json", '{\n"a": "x\ty"\n}')
    write(folder, "extra.json", '{}\n\n{}')
    write(folder, "empty.json", "")
    write(folder, "list.json", [1, 2])
    write(folder, "version-true.json", dict(base, version=True, saved_at="y"))  # True == 1 in Python
    write(folder, "version-text.json", dict(base, version="1"))
    write(folder, "version-missing.json", {k: v for k, v in base.items() if k != "version"})
    write(folder, "unknown-component.json", dict(base, component="survey"))
    write(folder, "no-component.json", {k: v for k, v in base.items() if k != "component"})
    write(folder, "bad-rows.json", dict(base, questions=[{"id": 1, "correct": True, "answered": True}]))
    write(folder, "changed-bank.json", dict(quiz_file("jargon", set(), "2026-12-01T10:02:00Z"), revision="old"))
    other = quiz_file("strategy", set(), "2026-12-01T10:03:00Z")
    write(folder, "unknown-bank.json", dict(other, bank="retired-bank", title=None))
    tampered = quiz_file("strategy", {q for q in [other["questions"][0]["id"]]}, "2026-12-01T10:04:00Z")
    for row in tampered["questions"]:
        row["correct"] = True
    write(folder, "tampered.json", tampered)
    write(folder, "prompt-null.json", dict(quiz_file("jargon", {Q[2]}, "2026-12-01T10:05:00Z"),
                                           questions=[dict(r, prompt=None, response_text="") for r in base["questions"]]))
    check = tool_file("health-check", {i: "unknown" for i in health[:5]}, "2026-12-01T11:00:00Z", "build")
    write(folder, "check-partial.json", check)
    write(folder, "check-bad-confidence.json", dict(check, confidence="high"))
    write(folder, "check-complete-no-rating.json", dict(check, complete=True, confidence="good", rating_label=None))
    write(folder, "check-complete-list.json", dict(check, complete=[1], confidence="low", rating_label=None))
    write(folder, "check-empty-list-complete.json", dict(check, complete=[], saved_at="z"))
    write(folder, "check-empty-stage.json", dict(check, stage_label="", saved_at="w"))
    review = tool_file("strategy-review", {}, "2026-12-01T12:00:00Z")
    write(folder, "review.json", review)
    write(folder, "unknown-tool.json", dict(review, tool="retired-tool", stage="x", stage_label="Zeta", title=""))
    write(folder, "unknown-tool-2.json", dict(review, tool="retired-tool", stage="x", stage_label="Alpha", saved_at="v",
                                              complete=True, rating_label="Zed", confidence=None))
    write(folder, "Upper.JSON", dict(base, saved_at="u"))
    write(folder, "no-suffix", "{}")
    write(folder, "trailing-dot.", "{}")
    write(folder, ".hidden.json", "{}")
    write(folder, "summary.csv", "x")
    write(folder, "ünïcode-ß.json", dict(base, saved_at="t"))
    write(folder, "Zebra.json", dict(base, saved_at="s"))
    (folder / "latin1.json").write_bytes('{"a": "caf\xe9"}'.encode("latin-1"))
    return folder


@pytest.fixture
def sample_room(tmp_path) -> Path:
    """The sample room made afresh by tests/resultfiles.py, so it follows the banks as they change."""
    folder = tmp_path / "sample"
    make_sample(folder)
    return folder


def test_both_engines_give_the_same_figures_on_every_fixture_room(visit, site, room, odd_room, sample_room,  # noqa: F811
                                                                   contract_room):  # noqa: F811
    page = open_page(visit, site).page
    given = rules(page)
    assert given["tools"]["contract-review"]["ratings"][-1] == "Do not sign"  # every tool's labels reach the page
    for folder in (SAMPLE, sample_room, room, odd_room, contract_room):
        expected = python_rows(folder)
        assert page.evaluate(JS_SUMMARY, [files_of(folder), given]) == expected, folder.name
    # the odd room reaches the rules it was made for
    reasons = {r[1]: r[4] for r in python_rows(odd_room) if r[0] == "skipped"}
    assert reasons["trailing-comma.json"] == "not valid JSON at line 4: corrupt or cut short"
    assert reasons["cut-in-a-string.json"].startswith("not valid JSON at line")
    assert reasons["version-text.json"] == "results format version '1'; this summariser reads version 1"
    assert "version-true.json" not in reasons and "nan.json" not in reasons and "crlf.json" not in reasons
    assert reasons["latin1.json"] == "not UTF-8 text: corrupt" and reasons["bom.json"].endswith("line 1: corrupt or cut short")
    figures = {(r[0], r[1], r[3]): r[4] for r in python_rows(odd_room)}
    assert figures[("quiz", "jargon", "marked_from_bank")] == "false"
    assert figures[("tool", "retired-tool", "stage: Alpha")] == "1"


def test_rounding_is_python_s(visit, site):
    page = open_page(visit, site).page
    values = [0.25, 0.35, 2.25, 2.75, 0.15, 1.05, 7.45, 12.5, 13.5, 0.5, 1 / 3, 2 / 3, 8.125, 99.95, 0.0, 100.0]
    got = page.evaluate("vs => vs.flatMap(v => [BoardroomComponents.summary.pyFixed(v, 1), "
                        "BoardroomComponents.summary.pyFixed(v, 0)])", values)
    assert got == [x for v in values for x in (f"{v:.1f}", f"{v:.0f}")]


def shown_figures(page) -> dict:
    return {
        "headline": page.locator(f"{RESULT} .br-summary-headline").inner_text(),
        "skipped": page.locator(f"{RESULT} .br-summary-skipped > li").all_inner_texts(),
        "quiz": page.locator(f"{RESULT} .br-summary-quiz-figures").all_inner_texts(),
    }


def expected_figures(summary) -> dict:
    quiz_lines = [f"{q.files} result file(s); {q.finished} answered every question. "
                  f"Average score {sum(q.scores) / len(q.scores):.1f} out of {q.total}." for q in summary.quizzes]
    return {
        "headline": f"Read {summary.read} result file(s); skipped {len(summary.skipped)}. The files hold no names.",
        "skipped": [f"{s.name}: {s.reason}" for s in summary.skipped],
        "quiz": quiz_lines,
    }


def test_dropping_the_sample_room_shows_what_the_command_writes(visit, site, tmp_path):
    summary = summarise_folder(SAMPLE, tmp_path / "python")
    v = open_page(visit, site)
    page = v.page
    page.locator(f"{LIVE} input[type=file]").set_input_files(sorted(p for p in SAMPLE.iterdir() if p.is_file()))
    page.locator(RESULT).wait_for()
    assert shown_figures(page) == expected_figures(summary)
    assert page.locator(f"{LIVE} [role=status]").inner_text() == (
        f"Done: read {summary.read} result file(s), skipped {len(summary.skipped)}.")
    # one chart per quiz and per tool with ratings, each with a title, a description and its table
    charts = page.locator(f"{RESULT} svg[role=img]")
    assert charts.count() == len(summary.quizzes) + len(summary.tools)
    assert "Green: " in charts.last.locator("desc").text_content()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the summary (CSV)").click()
    assert Path(download.value.path()).read_text(encoding="utf-8") == (tmp_path / "python" / "summary.csv").read_text(
        encoding="utf-8")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the summary (HTML)").click()
    saved = Path(download.value.path()).read_text(encoding="utf-8")
    assert saved.startswith("<!doctype html>") and "<link" not in saved and "<script" not in saved
    assert f"Read {summary.read} result file(s); skipped {len(summary.skipped)}." in saved and "<svg" in saved


def test_a_zip_of_the_room_gives_the_same_summary_and_names_what_it_cannot_open(visit, site, tmp_path):
    summary = summarise_folder(SAMPLE, tmp_path / "python")
    archive = tmp_path / "room.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for n, path in enumerate(sorted(SAMPLE.iterdir())):
            # stored and deflated entries, some in a folder, as zip tools make them
            z.write(path, f"room/{path.name}" if n % 3 else path.name,
                    compress_type=zipfile.ZIP_DEFLATED if n % 2 else zipfile.ZIP_STORED)
        z.writestr("locked.json", "{}", compress_type=zipfile.ZIP_STORED)
        z.writestr("room/", "")
    data = bytearray(archive.read_bytes())
    # mark locked.json encrypted, in its local header and in the list of contents
    for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = -1
        while (at := data.find(signature, at + 1)) >= 0:
            name_at = at + (30 if flag_at == 6 else 46)
            if data[name_at:name_at + 11] == b"locked.json":
                data[at + flag_at] |= 1
    archive.write_bytes(bytes(data))
    page = open_page(visit, site).page
    page.locator(f"{LIVE} input[type=file]").set_input_files(archive)
    page.locator(RESULT).wait_for()
    shown = shown_figures(page)
    locked = "locked.json: in room.zip: encrypted, so it cannot be read here"
    assert locked in shown["skipped"]
    expected = expected_figures(summary)
    assert shown["skipped"] == sorted(expected["skipped"] + [locked], key=lambda s: s.split(": ")[0])
    assert shown["quiz"] == expected["quiz"]
    assert shown["headline"] == expected["headline"].replace(f"skipped {len(summary.skipped)}",
                                                             f"skipped {len(summary.skipped) + 1}")
    # a file that is not a zip at all, and a zip64 one, are named with their reason
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 not really")
    page.locator(f"{LIVE} input[type=file]").set_input_files([tmp_path / "broken.zip", SAMPLE / "jargon-results.json"])
    page.wait_for_function("s => document.querySelector(s).textContent.startsWith('Done: read 1 ')",
                           arg=f"{LIVE} [role=status]")
    assert page.locator(f"{RESULT} .br-summary-skipped > li").all_inner_texts() == [
        "broken.zip: a .zip file that could not be read (corrupt or cut short): unzip it and choose the files"]


def test_by_keyboard_alone(visit, site, tmp_path):
    summarise_folder(SAMPLE, tmp_path / "python")
    page = open_page(visit, site).page
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Choose the files":
            break
    assert page.evaluate("document.activeElement.closest('.br-summary') !== null")
    # Enter on the button opens the file input's chooser (headless Chromium shows no dialog to
    # drive, so the test notes the opening and then gives the files as the dialog would)
    page.evaluate("""() => { window.chooserOpened = false; document.querySelector('.br-summary input[type=file]')
      .addEventListener('click', (e) => { window.chooserOpened = true; e.preventDefault(); }); }""")
    page.keyboard.press("Enter")
    assert page.evaluate("window.chooserOpened")
    page.locator(f"{LIVE} input[type=file]").set_input_files(sorted(p for p in SAMPLE.iterdir() if p.is_file()))
    page.locator(RESULT).wait_for()
    # focus moves to the summary's heading, so a screen reader starts reading there
    assert page.evaluate("document.activeElement.textContent") == "The room's results"
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.textContent") == "Download the summary (CSV)"
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert Path(download.value.path()).read_text(encoding="utf-8") == (tmp_path / "python" / "summary.csv").read_text(
        encoding="utf-8")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations_before_and_after_reading(visit, site, scheme):
    v = open_page(visit, site, color_scheme=scheme, reduced_motion="reduce")
    assert v.page.evaluate("document.documentElement.dataset.theme") == scheme
    assert violations(v.page, ".boardroom-mount") == []
    v.page.locator(f"{LIVE} input[type=file]").set_input_files(sorted(p for p in SAMPLE.iterdir() if p.is_file()))
    v.page.locator(RESULT).wait_for()
    assert violations(v.page, ".boardroom-mount") == []
    forgive_axe_css_fetch(v)
