"""The same quiz as a live widget in JupyterLab: a learner answers in the page, Python reads it.

Starts a real JupyterLab server on 127.0.0.1 and drives it in Debian's Chromium.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import expect

from boardroom.quiz.banks import load_bank

pytestmark = [pytest.mark.browser, pytest.mark.kernel]

ROOT = Path(__file__).resolve().parents[1]
BANK = load_bank(ROOT / "exercises" / "quizzes" / "why-the-board.yml")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def lab(tmp_path):
    """JupyterLab serving a two-cell notebook that shows the course's sample quiz."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    bank = ROOT / "exercises" / "quizzes" / f"{BANK.id}.yml"
    nb.cells = [
        nbformat.v4.new_code_cell(f"from boardroom import Quiz\nquiz = Quiz({str(bank)!r})\nquiz"),
        nbformat.v4.new_code_cell('print("RESULTS", __import__("json").dumps(quiz.results()))'),
    ]
    root = tmp_path / "lab"
    root.mkdir()
    nbformat.write(nb, root / "quiz.ipynb")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root", f"--port={port}",
         "--ServerApp.ip=127.0.0.1", "--IdentityProvider.token=", "--ServerApp.password=",
         "--ServerApp.disable_check_xsrf=True", f"--ServerApp.root_dir={root}",
         "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
        stdout=subprocess.DEVNULL, stderr=(tmp_path / "lab.log").open("w"),
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):  # up to a minute, polling the server's own status endpoint
            try:
                urllib.request.urlopen(f"{base}/api/status", timeout=1)
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail((tmp_path / "lab.log").read_text())
                time.sleep(0.1)
        yield f"{base}/lab/tree/quiz.ipynb"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def test_a_learner_answers_in_jupyterlab_and_python_reads_it(lab, visit):
    v = visit(viewport={"width": 1280, "height": 900})
    page = v.page
    page.goto(lab)
    expect(page.locator(".jp-Notebook")).to_be_visible(timeout=60_000)
    expect(page.get_by_text(re.compile(r"Python 3 \(ipykernel\) \| Idle"))).to_be_visible(timeout=60_000)
    page.locator(".jp-Cell").first.click()
    page.keyboard.press("Shift+Enter")
    quiz = page.locator(".jp-OutputArea .br-quiz")
    expect(quiz).to_be_visible(timeout=60_000)

    q = BANK.questions[0]
    box = quiz.locator(f"#br-{BANK.id}-{q.id}")
    box.get_by_label(next(o.text for o in q.options if o.id == q.answer), exact=True).check()
    box.get_by_role("button", name="Check answer").click()
    expect(box.locator(".br-verdict")).to_have_text("Correct.")
    page.screenshot(path=str(Path(os.environ.get("BOARDROOM_SHOTS", "/tmp")) / "jupyterlab-quiz.png"))

    page.locator(".jp-Cell").nth(1).click()
    page.keyboard.press("Shift+Enter")
    output = page.locator(".jp-Cell").nth(1).locator(".jp-OutputArea-output")
    expect(output).to_contain_text("RESULTS", timeout=60_000)
    results = json.loads(output.inner_text().split("RESULTS", 1)[1])
    assert results["score"] == 1 and results["answered"] == 1
    assert results["questions"][0]["correct"] is True
    # JupyterLab itself may try to reach other hosts (news, extension listings): not the quiz's doing
    v.outside.clear()
