"""The quiz as a live widget: answers set from the front-end side are read in Python.

A browser's widget manager talks to the kernel through comm messages; this
test starts a real kernel with nbclient and sends the same `update` message a
browser sends when a learner checks an answer.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from boardroom.quiz.banks import load_bank
from boardroom.quiz.scoring import is_correct

pytestmark = pytest.mark.kernel

ROOT = Path(__file__).resolve().parents[1]
BANK = load_bank(ROOT / "exercises" / "quizzes" / "why-the-board.yml")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def test_answers_from_the_front_end_are_read_in_python(tmp_path):
    first = BANK.questions[0]
    second = next(q for q in BANK.questions if q.type == "multiple")
    wrong = next(o.id for o in second.options if o.id not in second.answer)
    answers = {
        first.id: {"response": first.answer, "attempts": 2, "correct": True},
        second.id: {"response": [wrong], "attempts": 1, "correct": True},  # the browser's claim is not trusted
    }
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell('from boardroom import Quiz\nquiz = Quiz("why-the-board")\nquiz'),
        nbformat.v4.new_code_cell("import json\nprint(json.dumps({'results': quiz.results(), 'score': quiz.score}))"),
    ]
    # run from a folder below the course, as a workshop notebook would: the bank is found by walking up
    workdir = ROOT / "exercises"
    client = NotebookClient(nb, kernel_name="python3", timeout=120, resources={"metadata": {"path": str(workdir)}})
    with client.setup_kernel():
        client.execute_cell(nb.cells[0], 0)
        data = nb.cells[0].outputs[0]["data"]
        assert 'data-boardroom-key="why-the-board"' in data["text/html"]  # what the static book mounts
        model_id = data[WIDGET_VIEW]["model_id"]
        update = client.kc.session.msg(
            "comm_msg",
            {"comm_id": model_id, "data": {"method": "update", "state": {"answers": answers, "score": 2}, "buffer_paths": []}},
        )
        client.kc.shell_channel.send(update)
        client.execute_cell(nb.cells[1], 1)
    out = json.loads(nb.cells[1].outputs[0]["text"])
    rows = {r["id"]: r for r in out["results"]["questions"]}
    assert out["score"] == 2  # the synced traitlet arrived
    assert rows[first.id]["correct"] is True and rows[first.id]["attempts"] == 2
    assert rows[second.id]["answered"] is True
    assert rows[second.id]["correct"] is is_correct(second, [wrong]) is False
    assert out["results"]["score"] == 1 and out["results"]["answered"] == 2


@pytest.mark.parametrize("widget, tool_id", [("HealthCheck", "health-check"), ("StrategyReview", "strategy-review"),
                                             ("ContractReview", "contract-review"),
                                             ("AIAdoptionCheck", "ai-adoption-check"),
                                             ("BoardReadiness", "board-readiness")])
def test_review_tool_answers_from_the_front_end_are_rated_in_python(widget, tool_id):
    """Every worked example, sent as a browser sends it (answers and, for a tool with stages, the stage):
    Python gives the rating, the confidence and the items not yet due exactly as the engine does."""
    from boardroom.tools.data import load_tool
    from boardroom.tools.engine import assess

    tool = load_tool(ROOT / "exercises" / "tools" / f"{tool_id}.yml")
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(f"from boardroom import {widget}\ntool = {widget}()\ntool"),
        nbformat.v4.new_code_cell("import json\nprint(json.dumps(tool.results()))"),
    ]
    client = NotebookClient(nb, kernel_name="python3", timeout=120,
                            resources={"metadata": {"path": str(ROOT / "exercises" / "workshops")}})
    got = []
    with client.setup_kernel():
        client.execute_cell(nb.cells[0], 0)
        data = nb.cells[0].outputs[0]["data"]
        assert f'data-boardroom-component="tool" data-boardroom-key="{tool_id}"' in data["text/html"]
        for example in tool.examples:
            state = {"answers": dict(example.answers), "stage": example.stage or ""}
            update = client.kc.session.msg("comm_msg", {"comm_id": data[WIDGET_VIEW]["model_id"], "data": {
                "method": "update", "state": state, "buffer_paths": []}})
            client.kc.shell_channel.send(update)
            nb.cells[1].outputs = []
            client.execute_cell(nb.cells[1], 1)
            got.append(json.loads(nb.cells[1].outputs[0]["text"]))
    for example, result in zip(tool.examples, got, strict=True):
        assert (result["stage"], result["confidence"], result["rating"]) == (example.stage, example.confidence, example.rating)
        assert result == json.loads(json.dumps(assess(tool, example.answers, result["revision"], example.stage)))
    if tool.stages:
        assert any(r["not_due"] for r in got) and any(r["confidence"] == "low" and r["rating"] is None for r in got)
