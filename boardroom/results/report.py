"""Write a room's summary as one HTML page with charts, and as CSV.

The page is a single file that opens offline in any browser: the charts are
SVG drawn by matplotlib and embedded, each with a text alternative and the
same figures in a table beside it, so nothing is told by a picture alone.
"""

from __future__ import annotations

import base64
import csv
import io
from datetime import datetime, timezone
from html import escape
from pathlib import Path

from .summary import QuizSummary, Summary, ToolSummary

HARDEST = 5


def _chart(labels: list[str], counts: list[int], xlabel: str, horizontal: bool = False) -> str:
    """An embedded SVG bar chart (matplotlib, no display needed)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    figure, axes = pyplot.subplots(figsize=(6, 2.6 if not horizontal else 0.45 * len(labels) + 1))
    if horizontal:
        axes.barh(labels[::-1], counts[::-1], color="#005eb8")
        axes.set_xlabel(xlabel)
    else:
        axes.bar(labels, counts, color="#005eb8")
        axes.set_xlabel(xlabel)
        axes.set_ylabel("Learners")
    (axes.xaxis if horizontal else axes.yaxis).get_major_locator().set_params(integer=True)  # whole learners
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    figure.tight_layout()
    out = io.StringIO()
    figure.savefig(out, format="svg", metadata={"Date": None})
    pyplot.close(figure)
    return base64.b64encode(out.getvalue().encode("utf-8")).decode("ascii")


def _figure(svg: str, alt: str) -> str:
    return f'<img class="chart" src="data:image/svg+xml;base64,{svg}" alt="{escape(alt)}">'


def _quiz_html(quiz: QuizSummary) -> str:
    spread = [quiz.scores.count(score) for score in range(quiz.total + 1)]
    labels = [str(score) for score in range(quiz.total + 1)]
    alt = "Scores out of {}: ".format(quiz.total) + "; ".join(
        f"{n} scored {s}" for s, n in zip(labels, spread) if n)
    mean = sum(quiz.scores) / len(quiz.scores) if quiz.scores else 0
    parts = [
        f"<section><h2>Quiz: {escape(quiz.title)}</h2>",
        f"<p>{quiz.files} result file(s); {quiz.finished} answered every question. "
        f"Average score {mean:.1f} out of {quiz.total}.</p>",
    ]
    if not quiz.remarked:
        parts.append('<p class="note">Marked as the learners\' browsers marked it: the question bank on this '
                     "computer is missing or has changed since.</p>")
    parts.append(_figure(_chart(labels, spread, f"Score out of {quiz.total}"), alt))
    parts.append("<h3>The hardest questions</h3><table><thead><tr><th scope=col>Question</th>"
                 "<th scope=col>Right</th><th scope=col>Commonest wrong answer</th></tr></thead><tbody>")
    for q in quiz.hardest(HARDEST):
        wrong = q.wrong_answers.most_common(1)
        wrong_text = f"{escape(wrong[0][0])} ({wrong[0][1]})" if wrong else "None"
        parts.append(f"<tr><td>{escape(q.prompt)}</td><td>{q.correct} of {q.answered} "
                     f"({q.share_correct:.0%})</td><td>{wrong_text}</td></tr>")
    parts.append("</tbody></table></section>")
    return "".join(parts)


def _tool_html(tool: ToolSummary) -> str:
    spread = tool.spread()
    parts = [f"<section><h2>{escape(tool.title)}</h2>",
             f"<p>{tool.files} result file(s); {tool.complete} answered every question due"
             f"{' at their stage' if tool.stages else ''}: {tool.complete - tool.declined} got a rating, and "
             f"{tool.declined} had too much unknown for one (low confidence), so they lead with the evidence to find.</p>"]
    if tool.stages:
        parts.append("<table><thead><tr><th scope=col>Stage</th><th scope=col>Learners</th></tr></thead><tbody>")
        parts.extend(f"<tr><td>{escape(label)}</td><td>{n}</td></tr>" for label, n in tool.stage_spread())
        parts.append("</tbody></table>")
    if spread:
        alt = "Ratings: " + "; ".join(f"{label} {n}" for label, n in spread)
        parts.append(_figure(_chart([l for l, _ in spread], [n for _, n in spread], "Learners", horizontal=True), alt))
        parts.append("<table><thead><tr><th scope=col>Rating</th><th scope=col>Learners</th></tr></thead><tbody>")
        parts.extend(f"<tr><td>{escape(label)}</td><td>{n}</td></tr>" for label, n in spread)
        parts.append("</tbody></table>")
    for heading, column, counts in (
        ("The gaps most often found", "Learners who found a gap", tool.gaps),
        ("The evidence most often missing (answered “We do not know”)", "Learners who did not know", tool.unknowns),
    ):
        if not counts:
            continue
        parts.append(f"<h3>{heading}</h3><table><thead><tr><th scope=col>Question</th>"
                     f"<th scope=col>{column}</th></tr></thead><tbody>")
        for item_id, n in counts.most_common(HARDEST):
            parts.append(f"<tr><td>{escape(tool.questions[item_id])}</td><td>{n} of {tool.files}</td></tr>")
        parts.append("</tbody></table>")
    parts.append("</section>")
    return "".join(parts)


STYLE = """
body { font: 1rem/1.5 system-ui, sans-serif; max-width: 52rem; margin: 1.5rem auto; padding: 0 1rem; color: #1b1b1b; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2rem; border-top: 3px solid #005eb8; padding-top: 0.5rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #8a8f98; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
.chart { max-width: 100%; height: auto; }
.note { color: #4a4a4a; }
@media print { h2 { break-before: auto; } section { break-inside: avoid-page; } }
"""


def write_html(summary: Summary, path: Path) -> None:
    made = datetime.now(timezone.utc).strftime("%d %B %Y, %H:%M UTC")
    parts = [
        '<!doctype html><html lang="en-GB"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>The room's results</title><style>{STYLE}</style></head><body><main>",
        "<h1>The room's results</h1>",
        f"<p>Read {summary.read} result file(s); skipped {len(summary.skipped)}. Made {made}. "
        "The files hold no names.</p>",
    ]
    if summary.skipped:
        parts.append("<details open><summary>Files skipped, and why</summary><ul>")
        parts.extend(f"<li><code>{escape(s.name)}</code>: {escape(s.reason)}</li>" for s in summary.skipped)
        parts.append("</ul></details>")
    parts.extend(_quiz_html(q) for q in summary.quizzes)
    parts.extend(_tool_html(t) for t in summary.tools)
    if not summary.quizzes and not summary.tools:
        parts.append("<p>No results could be read.</p>")
    parts.append("</main></body></html>\n")
    path.write_text("".join(parts), encoding="utf-8")


def csv_rows(summary: Summary) -> list[list[str]]:
    """One figure a row: what it is about, which question, which measure, the value."""
    rows = [["section", "quiz_or_tool", "question", "measure", "value"]]
    rows.append(["files", "", "", "read", str(summary.read)])
    rows.append(["files", "", "", "skipped", str(len(summary.skipped))])
    rows.extend(["skipped", s.name, "", "reason", s.reason] for s in summary.skipped)
    for quiz in summary.quizzes:
        rows.append(["quiz", quiz.bank, "", "files", str(quiz.files)])
        rows.append(["quiz", quiz.bank, "", "finished", str(quiz.finished)])
        rows.append(["quiz", quiz.bank, "", "marked_from_bank", str(quiz.remarked).lower()])
        for score in range(quiz.total + 1):
            rows.append(["quiz", quiz.bank, "", f"scored_{score}", str(quiz.scores.count(score))])
        for q in quiz.questions.values():
            rows.append(["quiz", quiz.bank, q.id, "answered", str(q.answered)])
            rows.append(["quiz", quiz.bank, q.id, "correct", str(q.correct)])
            for answer, n in q.wrong_answers.most_common(3):
                rows.append(["quiz", quiz.bank, q.id, f"wrong: {answer}", str(n)])
    for tool in summary.tools:
        rows.append(["tool", tool.tool, "", "files", str(tool.files)])
        rows.append(["tool", tool.tool, "", "complete", str(tool.complete)])
        rows.append(["tool", tool.tool, "", "not rated: low confidence", str(tool.declined)])
        rows.extend(["tool", tool.tool, "", f"stage: {label}", str(n)] for label, n in tool.stage_spread())
        rows.extend(["tool", tool.tool, "", f"confidence: {level}", str(tool.confidence[level])]
                    for level in ("good", "limited", "low"))
        rows.extend(["tool", tool.tool, "", f"rating: {label}", str(n)] for label, n in tool.spread())
        rows.extend(["tool", tool.tool, item_id, "gap", str(n)] for item_id, n in tool.gaps.most_common())
        rows.extend(["tool", tool.tool, item_id, "unknown", str(n)] for item_id, n in tool.unknowns.most_common())
    return rows


def write_csv(summary: Summary, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(csv_rows(summary))
