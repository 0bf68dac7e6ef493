"""The room's summary at a national cohort's scale, printed as a markdown table.

    python benchmarks/room_summary.py [--html BUILT_BOOK_HTML]

- the book's "Room summary" page reading 2,000 result files chosen at once, in
  Debian's Chromium: seconds from choosing the files to the summary on screen,
  and the longest the page went without answering (the longest task, which the
  reading in batches keeps short);
- `boardroom results summarise` on a folder of 10,000 files, in seconds of wall
  clock (reading, charts and CSV).

The files are made by tests/resultfiles.py (quizzes from every bank and
health checks, with one in fifty broken or copied) in a temporary folder.
Without --html the book is built first. benchmarks/run.py prints the same rows.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from boardroom.sitecheck import CHROMIUM_ARGS, find_chromium, serve  # noqa: E402

PAGE = "book/facilitators/room-summary.html"


def make_room(folder: Path, count: int, seed: int = 2026) -> None:
    """``count`` files: quizzes on every bank and health checks, one in fifty broken or a copy."""
    from boardroom.quiz.banks import find_banks, load_bank
    from boardroom.tools.data import load_tool
    from resultfiles import quiz_file, tool_file, write

    chooser = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    banks = [load_bank(p) for p in find_banks(ROOT / "exercises" / "quizzes")]
    health = load_tool(ROOT / "exercises" / "tools" / "health-check.yml")
    stages = [s.id for s in health.stages]
    # a few hundred distinct learners' files, repeated with a different time so each is a file of its own
    made = []
    for n in range(300):
        if n % 3:
            bank = banks[n % len(banks)]
            made.append(quiz_file(bank.id, {q.id for q in bank.questions if chooser.random() < 0.3}, ""))
        else:
            answers = {i.id: chooser.choice(["full", "part", "missing", "unknown"]) for i in health.items}
            made.append(tool_file("health-check", answers, "", chooser.choice(stages)))
    for n in range(count):
        data = dict(made[n % len(made)], saved_at=f"2026-12-03T10:00:00.{n:06d}Z")
        name = f"results-{n:05d}.json"
        if n % 50 == 7:
            write(folder, name, '{"format": "boardroom-results", "version": 1, "comp')  # cut short
        elif n % 50 == 23:
            write(folder, name, dict(made[0], saved_at="2026-12-03T10:00:00.000000Z"))  # a copy
        else:
            write(folder, name, data)


def time_page(html: Path, room: Path) -> tuple[float, float, str]:
    """Seconds to read and show ``room`` in the page, the longest task in ms, and the status line."""
    from playwright.sync_api import sync_playwright

    files = sorted(room.iterdir())
    with serve(html) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(base + PAGE)
        page.locator(".br-summary").wait_for()
        # long tasks from the moment the page has the files: before that, the browser itself is
        # making the list of 2,000 chosen files, which no page code can break up
        page.evaluate("""() => { window.started = Infinity; window.longest = 0; new PerformanceObserver((list) => {
            for (const e of list.getEntries()) if (e.startTime >= window.started) window.longest = Math.max(window.longest, e.duration); })
            .observe({ type: 'longtask', buffered: false });
            document.querySelector('.br-summary input[type=file]')
              .addEventListener('change', () => { window.started = performance.now(); }, { capture: true }); }""")
        page.locator(".br-summary input[type=file]").set_input_files(files)
        page.wait_for_function("() => document.querySelector('.br-summary [role=status]').textContent.startsWith('Done')",
                               timeout=300_000)
        seconds = page.evaluate("(performance.now() - window.started) / 1000")
        longest = page.evaluate("window.longest")
        status = page.locator(".br-summary [role=status]").inner_text()
        browser.close()
    return seconds, longest, status


def time_python(room: Path) -> tuple[float, int, int]:
    from boardroom.results import summarise_folder

    start = time.perf_counter()
    summary = summarise_folder(room, room.parent / "out")
    return time.perf_counter() - start, summary.read, len(summary.skipped)


def rows(html: Path, tmp: Path) -> list[str]:
    make_room(tmp / "page-room", 2000)
    make_room(tmp / "python-room", 10_000)
    seconds, longest, status = time_page(html, tmp / "page-room")
    python_seconds, read, skipped = time_python(tmp / "python-room")
    return [
        f"| The book's Room summary page reads 2,000 files and shows the summary ({status}) | {seconds:.1f} s |",
        f"| ... the longest the page went without answering while it read | {longest:.0f} ms |",
        f"| `boardroom results summarise` on 10,000 files ({read} read, {skipped} skipped) | {python_seconds:.1f} s |",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", type=Path, help="a built book's _build/html (built afresh when not given)")
    args = parser.parse_args()
    if find_chromium() is None:
        print("benchmarks/room_summary.py: no Chromium found (apt-get install chromium)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        html = args.html
        if html is None:
            jupyter_book = str(Path(sys.executable).with_name("jupyter-book"))
            subprocess.run([jupyter_book, "build", str(ROOT), "--path-output", str(tmp / "book")], cwd=ROOT,
                           check=True, capture_output=True)
            html = tmp / "book" / "_build" / "html"
        if not (html / PAGE).exists():
            print(f"{html / PAGE}:1: no such page: build the book first", file=sys.stderr)
            return 1
        print("| Measure | Result |")
        print("| --- | ---: |")
        print("\n".join(rows(html, tmp)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
