"""Benchmarks for the book, printed as a markdown table.

    python benchmarks/run.py

Measures, in one run on this machine:
- a clean build of the whole book and a rebuild with nothing changed, with the
  README's flags (targets: 60 s and 5 s);
- every built page's weight (raw and gzipped) and request count, as Debian's
  Chromium loads it from 127.0.0.1, beside a stock `jupyter-book create` page
  built in the same run (target: 150 kB gzipped and 20 requests a page).

Timings are wall-clock seconds from one run each: repeat the command to see
the spread. Needs Chromium (apt-get install chromium).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from boardroom.sitecheck import CHROMIUM_ARGS, find_chromium, serve, site_pages, weigh  # noqa: E402

FLAGS = ["--warningiserror", "--nitpick", "--keep-going"]
JUPYTER_BOOK = str(Path(sys.executable).with_name("jupyter-book"))


def timed_build(source: Path, output: Path, flags: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run([JUPYTER_BOOK, "build", str(source), "--path-output", str(output), *flags],
                          cwd=source, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"build of {source} failed:\n{(done.stdout + done.stderr)[-3000:]}")
    return elapsed


def kb(n: int) -> str:
    return f"{n / 1000:,.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args()
    chromium = find_chromium()
    if chromium is None:
        print("benchmarks/run.py: no Chromium found (apt-get install chromium)", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        clean = timed_build(ROOT, tmp / "book", FLAGS)
        rebuild = timed_build(ROOT, tmp / "book", FLAGS)
        subprocess.run([JUPYTER_BOOK, "create", str(tmp / "stock-src")], check=True, capture_output=True)
        stock_build = timed_build(tmp / "stock-src", tmp / "stock", [])
        html = tmp / "book" / "_build" / "html"
        stock_html = tmp / "stock" / "_build" / "html"

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            page = browser.new_page()
            with serve(stock_html) as base:
                stock = weigh(page, base + "intro.html", stock_html)
            with serve(html) as base:
                weights = {path: weigh(page, base + path, html) for path in site_pages(html)}
            browser.close()

    print("## Build\n")
    print("| Measure | Seconds | Target |")
    print("| --- | ---: | ---: |")
    print(f"| Clean build of the whole book | {clean:.1f} | 60 |")
    print(f"| Rebuild with nothing changed | {rebuild:.1f} | 5 |")
    print(f"| Clean build of a stock `jupyter-book create` book, for comparison | {stock_build:.1f} | |")
    print("\n## Page weight\n")
    print("Everything each page loads, from 127.0.0.1 in Chromium. Budget: 150 kB gzipped, 20 requests.\n")
    print("| Page | Requests | Raw kB | Gzipped kB | Gzipped, share of stock page | Within budget |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    for path, w in weights.items():
        ok = "yes" if w.gzipped <= 150_000 and w.requests <= 20 else "NO"
        print(f"| {path} | {w.requests} | {kb(w.raw)} | {kb(w.gzipped)} | {w.gzipped / stock.gzipped:.0%} | {ok} |")
    print(f"| stock `jupyter-book create` intro.html | {stock.requests} | {kb(stock.raw)} | {kb(stock.gzipped)} | 100% | "
          f"{'yes' if stock.gzipped <= 150_000 and stock.requests <= 20 else 'NO'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
