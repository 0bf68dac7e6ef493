"""Workshop packs: the notebooks run, the handouts print, and the launch buttons point at the room's service."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from pypdf import PdfReader

from conftest import build_book, copy_fixture_book
from test_accessibility import violations

ROOT = Path(__file__).resolve().parents[1]
WORKSHOPS = ROOT / "exercises" / "workshops"
NOTEBOOKS = sorted(WORKSHOPS.glob("*.ipynb"))
HANDOUTS = sorted((ROOT / "book" / "facilitators" / "handouts").glob("*.md"))
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
# A bound on each cell, so a notebook that hangs in a room fails here first; whole
# notebooks take a few seconds on this machine (reported by benchmarks/run.py).
CELL_SECONDS = 60


def test_there_are_six_workshops_each_with_guide_notebook_and_handout():
    names = {"decode-the-board-pack", "challenge-the-strategy", "pre-mortem", "buy-reuse-or-build",
             "should-we-switch-it-on", "systems-down"}
    assert names <= {p.stem for p in NOTEBOOKS}
    assert names == {p.stem for p in HANDOUTS}
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    for name in names:
        assert (ROOT / "book" / "facilitators" / f"{name}.md").exists()
        for page in (f"book/facilitators/{name}", f"exercises/workshops/{name}", f"book/facilitators/handouts/{name}"):
            assert f"file: {page}\n" in toc, page


@pytest.mark.kernel
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_each_workshop_notebook_runs_top_to_bottom_in_a_fresh_kernel(path):
    nb = nbformat.read(path, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), "commit notebooks without outputs"
    NotebookClient(nb, timeout=CELL_SECONDS, startup_timeout=60, kernel_name="python3",
                   resources={"metadata": {"path": str(WORKSHOPS)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    if path.stem != "room-summary":
        # every live tool shows as a widget, with the static book's mount beside it
        widgets = [o for o in outputs if WIDGET_VIEW in o.get("data", {})]
        assert len(widgets) >= 2
        assert all('class="boardroom-mount"' in o["data"]["text/html"] for o in widgets)
    else:
        summary = next(o for o in outputs if "text/markdown" in o.get("data", {}))
        assert summary["data"]["text/markdown"].startswith("Read 12 result file(s); skipped 3.")


@pytest.mark.kernel
@pytest.mark.parametrize("notebook, tool_id, stoppers", [("buy-reuse-or-build", "contract-review", 4),
                                                         ("should-we-switch-it-on", "ai-adoption-check", 5)])
def test_a_practice_case_workshop_notebook_reads_the_tables_answers_back_in_python(notebook, tool_id, stoppers):
    """The practice case's worked example, sent as a browser sends a table's answers: the notebook's
    results cell gives the example's view and confidence and names the show-stoppers that hold it down."""
    from boardroom.tools.data import load_tool

    tool = load_tool(ROOT / "exercises" / "tools" / f"{tool_id}.yml")
    example = next(e for e in tool.examples if e.id == "practice-case")
    nb = nbformat.read(WORKSHOPS / f"{notebook}.ipynb", as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    client = NotebookClient(nb, timeout=CELL_SECONDS, startup_timeout=60, kernel_name="python3",
                            resources={"metadata": {"path": str(WORKSHOPS)}})
    with client.setup_kernel():
        for cell in code[:2]:  # the import and the review
            client.execute_cell(cell, nb.cells.index(cell))
        widget = next(o for o in code[1].outputs if WIDGET_VIEW in o.get("data", {}))
        update = client.kc.session.msg("comm_msg", {"comm_id": widget["data"][WIDGET_VIEW]["model_id"], "data": {
            "method": "update", "state": {"answers": dict(example.answers), "stage": ""}, "buffer_paths": []}})
        client.kc.shell_channel.send(update)
        client.execute_cell(code[2], nb.cells.index(code[2]))
    printed = "".join(o.get("text", "") for o in code[2].outputs).splitlines()
    labels = {r.id: r.label for r in tool.ratings}
    questions = {item.id: item.question for item in tool.items}
    capped = [item.id for item in tool.items if item.caps.get(example.answers[item.id]) == example.rating]
    unknown = sum(answer == "unknown" for answer in example.answers.values())
    assert printed[:3] == [f"Answered {len(tool.items)} of {len(tool.items)}", f"View: {labels[example.rating]}",
                           f"Confidence: {example.confidence.capitalize()} confidence: {unknown} of {len(tool.items)} unknown"]
    held = [line for line in printed[3:] if line.startswith("Held down by: ")]
    assert sorted(held) == sorted(f"Held down by: {questions[i]}" for i in capped) and len(capped) == stoppers


def _section(text: str, heading: str) -> str:
    return re.search(rf"^## {heading}\n(.*?)(?=^## |\Z)", text, re.S | re.M).group(1)


@pytest.mark.parametrize("path", HANDOUTS, ids=[p.stem for p in HANDOUTS])
def test_each_guides_minutes_add_up_and_agree_in_its_table_its_run_sheet_and_the_workshop_list(path):
    text = (ROOT / "book" / "facilitators" / f"{path.stem}.md").read_text(encoding="utf-8")
    length = int(re.search(r"\*\*Length:\*\* (\d+) minutes\.", text).group(1))
    teaching, activity = map(int, re.search(
        rf"The minutes add up to {length}: (\d+) minutes of teaching and (\d+) of activity\.", text).groups())
    table = _section(text, "Timings")
    rows = [tuple(map(int, r)) for r in re.findall(r"^\| (\d+) \| [^|]+ \| (\d+) \| (\d+) \|$", table, re.M)]
    total = tuple(map(int, re.search(
        r"^\| \| \*\*Total \((\d+) minutes\)\*\* \| \*\*(\d+)\*\* \| \*\*(\d+)\*\* \|$", table, re.M).groups()))
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    assert (sum(r[1] for r in rows), sum(r[2] for r in rows)) == (teaching, activity) == total[1:]
    assert teaching + activity == length == total[0]
    # each step of the run sheet has the minutes the table gives it
    steps = {}
    for n, first, kind, second in re.findall(
            r"^(\d+)\. \*\*[^(*]*\((\d+) minutes?(?:, (teaching|activity)| teaching, (\d+) activity)\)\.\*\*",
            _section(text, "Run sheet"), re.M):
        steps[int(n)] = {"teaching": (int(first), 0), "activity": (0, int(first))}.get(kind, (int(first), int(second or 0)))
    assert steps == {n: (t, a) for n, t, a in rows}
    listing = (ROOT / "book" / "facilitators" / "workshops.md").read_text(encoding="utf-8")
    assert re.search(rf"^\| \[[^]]+\]\({path.stem}\.md\) \| {length} minutes \|", listing, re.M), "workshops.md"


@pytest.mark.parametrize("handout, tool_id, section, labels", [
    ("buy-reuse-or-build", "contract-review", "Clause checklist", {"do-not-sign": "Do not sign", "renegotiate": "Renegotiate"}),
    ("should-we-switch-it-on", "ai-adoption-check", "AI adoption check",
     {"do-not-switch-on": "Do not switch on", "pilot-only": "Pilot only", "switch-on-after-fixes": "After fixes"}),
])
def test_a_printed_checklist_matches_its_tools_questions_and_show_stoppers(handout, tool_id, section, labels):
    """The one-page paper version of a review tool in a handout: a row for each question in order, the
    ceiling a "No" sets, the questions where "Not known" caps the view, and the bands, all as the rules say."""
    from boardroom.tools.data import load_tool
    from boardroom.tools.engine import confidence

    tool = load_tool(ROOT / "exercises" / "tools" / f"{tool_id}.yml")
    text = (ROOT / "book" / "facilitators" / "handouts" / f"{handout}.md").read_text(encoding="utf-8")
    checklist = _section(text, section)
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in checklist.splitlines()
            if re.match(r"\| \d+ \|", line)]
    assert [int(row[0]) for row in rows] == list(range(1, len(tool.items) + 1))
    # four empty answer boxes, then the show-stopper a "No" triggers, as the rules file sets it
    assert all(row[2:6] == ["", "", "", ""] for row in rows)
    assert [row[6] for row in rows] == [labels.get(item.caps.get("missing"), "") for item in tool.items]
    unknown = [str(i) for i, item in enumerate(tool.items, 1) if "unknown" in item.caps]
    unknown_cap = {tool.items[int(i) - 1].caps["unknown"] for i in unknown}
    assert len(unknown_cap) == 1  # one ceiling for every unknown show-stopper, so one sentence can say it
    cap_label = next(r.label for r in tool.ratings if r.id in unknown_cap)
    assert (f'"Not known" on questions {", ".join(unknown[:-1])} or {unknown[-1]} holds it at *{cap_label}*'
            in checklist)
    no_view = next(n for n in range(len(tool.items) + 1) if confidence(n, len(tool.items)) == "low")
    assert f'With {no_view} or more "Not known" answers, there is no view' in checklist
    bands = [f"{round(r.min_share * 100)}% or more, *{r.label}*" for r in tool.ratings if r.min_share]
    assert all(band in checklist for band in bands), bands


def _print_pdf(page, url: str, target: Path) -> list[str]:
    page.goto(url)
    page.emulate_media(media="print")
    page.pdf(path=str(target), format="A4")
    return [p.extract_text() for p in PdfReader(str(target)).pages]


@pytest.mark.browser
@pytest.mark.parametrize("path", HANDOUTS, ids=[p.stem for p in HANDOUTS])
def test_each_handout_prints_its_acronym_card_on_one_page(visit, site, path, tmp_path):
    source = path.read_text(encoding="utf-8")
    terms = re.search(r"```\{acronym-card\}\n(.*?)```", source, re.S).group(1).split()
    assert 12 <= len(terms) <= 24
    pages = _print_pdf(visit().page, f"{site}book/facilitators/handouts/{path.stem}.html", tmp_path / "handout.pdf")
    card = [i for i, text in enumerate(pages) if "Acronym card" in text and "Stands for" in text]
    assert len(card) == 1, "the acronym card must start and end on one page"
    words = set(re.findall(r"[A-Za-z0-9+&-]+", pages[card[0]]))
    assert [t for t in terms if t not in words] == []
    everything = "\n".join(pages)
    for part in ("Question cards", "Case material"):
        assert part in everything
    # the book's navigation, buttons and search stay off paper
    assert "Skip to main content" not in everything and "Download this page" not in everything
    assert "Show every question" not in everything


@pytest.mark.browser
def test_the_clause_checklist_prints_on_one_page(visit, site, tmp_path):
    pages = _print_pdf(visit().page, f"{site}book/facilitators/handouts/buy-reuse-or-build.html", tmp_path / "h.pdf")
    start = [i for i, text in enumerate(pages) if "Clause checklist\n" in text and "Tick one answer" in text]
    assert len(start) == 1
    page = " ".join(pages[start[0]].split())  # lines break anywhere
    # its first and last rows and the scoring rules under it, all on that one sheet
    for part in ("Published open interfaces", "organisation itself", "there is no view"):  # no "fi": PDF ligatures
        assert part in page, part


@pytest.mark.browser
def test_the_room_summary_page_is_accessible(visit, tmp_path):
    from boardroom.results import summarise_folder
    from boardroom.sitecheck import serve
    from resultfiles import make_sample

    make_sample(tmp_path / "room")
    summarise_folder(tmp_path / "room")
    with serve(tmp_path / "room") as base:
        v = visit()
        v.page.goto(base + "summary.html")
        assert v.page.locator("img.chart").count() == 2
        assert all(alt for alt in v.page.locator("img.chart").evaluate_all("imgs => imgs.map(i => i.alt)"))
        assert violations(v.page, "main") == []


def test_launch_buttons_point_at_the_rooms_hub_and_binder_when_configured(tmp_path, monkeypatch):
    source = copy_fixture_book(tmp_path)
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_markdown_cell("# A learner notebook\n\nText.")]
    notebook.metadata["last_checked"] = "2026-12-02"  # every page of the book needs one
    nbformat.write(notebook, source / "notebook.ipynb")
    (source / "_toc.yml").write_text((source / "_toc.yml").read_text(encoding="utf-8") + "  - file: notebook\n",
                                     encoding="utf-8")
    config = source / "_config.yml"
    config.write_text(config.read_text(encoding="utf-8") + "launch_buttons:\n  notebook_interface: jupyterlab\n",
                      encoding="utf-8")
    monkeypatch.setenv("BOARDROOM_REPOSITORY_URL", "https://github.com/example-org/nhs-course")
    monkeypatch.setenv("BOARDROOM_REPOSITORY_BRANCH", "main")
    monkeypatch.setenv("BOARDROOM_JUPYTERHUB_URL", "https://hub.example.nhs.uk")
    monkeypatch.setenv("BOARDROOM_BINDERHUB_URL", "https://mybinder.org")
    built = build_book(source, tmp_path / "out")
    assert built.returncode == 0, built.output[-3000:]
    page = unescape((built.html / "notebook.html").read_text(encoding="utf-8"))
    assert "https://mybinder.org/v2/gh/example-org/nhs-course/main?urlpath=lab/tree/notebook.ipynb" in page
    assert ("https://hub.example.nhs.uk/hub/user-redirect/git-pull?repo=https%3A//github.com/example-org/nhs-course"
            "&urlpath=lab/tree/nhs-course/notebook.ipynb&branch=main") in page
    # pages that are not notebooks get no launch button
    assert "git-pull" not in (built.html / "second.html").read_text(encoding="utf-8")


def test_no_launch_button_without_a_repository(book):
    page = (book.html / "exercises" / "workshops" / "pre-mortem.html").read_text(encoding="utf-8")
    assert "git-pull" not in page and "mybinder" not in page
