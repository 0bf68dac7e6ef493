"""Benchmarks for the book, printed as a markdown table.

    python benchmarks/run.py

Measures, in one run on this machine:
- a clean build of the whole book and a rebuild with nothing changed, with the
  README's flags (targets: 60 s and 5 s);
- every built page's weight (raw and gzipped) and request count, as Debian's
  Chromium loads it from 127.0.0.1, beside a stock `jupyter-book create` page
  built in the same run (target: 150 kB gzipped and 20 requests a page).

- the acronym decoder on 1 MB of board-paper-like text, in seconds of Python
  on one core (target: 0.2 s);
- the decoder on a made-up 60-page board pack as a PDF and as a Word document:
  reading and decoding it in Python (`boardroom decode`) and on the decoder page
  in Chromium, where the first PDF also loads pdf.js (no targets set);
- the glossary filter's update time in Chromium, on the real glossary and on
  a synthetic one of 10,000 entries (targets: 16 ms and 50 ms);
- each workshop notebook run top to bottom in a fresh kernel, and the room's
  summary of 150 result files (no targets set: reported for facilitators);
- the room's summary at a national cohort's scale: 2,000 files in the book's
  page and 10,000 with the command (benchmarks/room_summary.py).

Build timings are wall-clock seconds from one run each: repeat the command to
see the spread. Needs Chromium (apt-get install chromium). ``--decoder-only``
builds the book once and measures the decoder and the glossary filter alone.
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

from boardroom.glossary.data import load_glossary  # noqa: E402
from boardroom.glossary.decoder import decode, table  # noqa: E402
from boardroom.mount import mount_html  # noqa: E402
from boardroom.sitecheck import CHROMIUM_ARGS, find_chromium, serve, site_pages, weigh  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
import room_summary  # noqa: E402

FILTER_QUERIES = ["FHIR", "e", "data", "board", "zzzz", ""]

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


def board_paper_text(known: dict, size: int = 1_000_000) -> str:
    """About ``size`` bytes of prose in the style of a board paper, dense with acronyms."""
    acronyms = sorted(known)
    words = ("the board noted that the programme business case for the trust and the integrated care "
             "system depends on data migration supplier contract go-live clinical safety benefits "
             "funding risk assurance").split()
    out, i = [], 0
    while sum(len(p) + 1 for p in out) < size:
        sentence = [words[(i * 7 + k) % len(words)] for k in range(12)]
        sentence[3] = acronyms[i % len(acronyms)]
        sentence[8] = acronyms[(i * 13) % len(acronyms)] + ("s" if i % 5 == 0 else "")
        sentence[10] = ["QXZ", "ABCD", "WNQ"][i % 3]
        out.append(" ".join(sentence).capitalize() + ".")
        i += 1
    return " ".join(out)


def time_decoder(known: dict) -> tuple[float, int]:
    text = board_paper_text(known)
    best = min(_cpu(lambda: decode(text, known)) for _ in range(5))
    return best, len(text.encode("utf-8"))


PACK_PAGES = 60


def board_pack_files(known: dict, folder: Path) -> dict[str, Path]:
    """A made-up 60-page board pack as PDF and .docx, with the glossary's acronyms in it."""
    sys.path.insert(0, str(ROOT / "tests"))
    import docmaker

    acronyms = sorted(known)[::max(1, len(known) // 120)]  # about 120 of the glossary's acronyms
    pack = docmaker.board_pack(acronyms, pages=PACK_PAGES)
    return {"PDF": docmaker.pages_pdf(folder / "board-pack.pdf", pack),
            "Word": docmaker.word_pages(folder / "board-pack.docx", pack)}


def time_pack_python(known: dict, files: dict[str, Path]) -> dict[str, float]:
    """Seconds of one core to read and decode each pack in Python, best of 3."""
    from boardroom.glossary.extract import extract_text

    return {kind: min(_cpu(lambda: decode(extract_text(path), known)) for _ in range(3)) for kind, path in files.items()}


def time_pack_browser(page, url: str, files: dict[str, Path]) -> dict[str, tuple[float, float]]:
    """Wall-clock seconds from choosing each pack on the decoder page to its table: the first
    time (for a PDF, with pdf.js loading) and the best of 3 more."""
    page.goto(url)
    times = {}
    for kind, path in files.items():
        runs = []
        for _ in range(4):
            page.evaluate("document.querySelector('.br-decoder-status').textContent = ''")
            start = time.perf_counter()
            page.locator(".br-decoder input[type=file]").set_input_files(str(path))
            page.wait_for_function(
                "(name) => document.querySelector('.br-decoder-status').textContent.startsWith('Decoded ' + name)",
                arg=path.name, timeout=120_000)
            runs.append(time.perf_counter() - start)
        times[kind] = (runs[0], min(runs[1:]))
    return times


def _cpu(work) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def synthetic_glossary_page(n: int) -> str:
    index = [{"term": f"T{i:05d}", "aliases": [], "expansions": [f"Synthetic term number {i}"],
              "categories": ["technology"]} for i in range(n)]
    entries = "".join(f'<dt id="term-T{i:05d}">T{i:05d}</dt><dd><p><strong>Synthetic term number {i}.</strong> '
                      f"A made-up meaning about data, boards and contracts, number {i}.</p></dd>" for i in range(n))
    mount = mount_html("glossary", "glossary", str(n), {"index": index, "categories": []}, [], "")
    return ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Synthetic glossary</title>'
            '<link rel="stylesheet" href="_static/boardroom.css">'
            '<script defer src="_static/boardroom.js"></script></head><body>'
            f'{mount}<div class="br-glossary"><dl class="glossary">{entries}</dl></div></body></html>')


def time_filter(page, url: str) -> float:
    """The slowest of several filter updates, in milliseconds, as the page measures it:
    the filter's own work plus the style and layout it causes, not painting."""
    page.goto(url)
    page.wait_for_selector(".br-glossary-count")
    return page.evaluate(
        """(queries) => {
            const el = document.querySelector('.boardroom-glossary');
            const input = el.querySelector('input');
            let worst = 0;
            for (let round = 0; round < 3; round++) {
              for (const q of queries) {
                input.value = q;
                const start = performance.now();
                el.boardroomFilter(true);
                void document.body.offsetHeight;  // include the browser's style and layout work
                worst = Math.max(worst, performance.now() - start);
              }
            }
            return worst;
        }""",
        FILTER_QUERIES,
    )


def time_notebooks() -> dict[str, float]:
    """Seconds to run each workshop notebook in a fresh kernel, as the tests do."""
    import nbformat
    from nbclient import NotebookClient

    folder = ROOT / "exercises" / "workshops"
    seconds = {}
    for path in sorted(folder.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        start = time.perf_counter()
        NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
        seconds[path.name] = time.perf_counter() - start
    return seconds


def time_summary(tmp: Path) -> tuple[float, int, int]:
    """Seconds to summarise a room of 150 files (charts and CSV included), with how many were read and skipped."""
    sys.path.insert(0, str(ROOT / "tests"))
    from resultfiles import make_sample

    from boardroom.results import summarise_folder

    room = tmp / "room"
    for seed in range(10):  # 10 rooms of 12 good files and 3 to skip, in one folder
        make_sample(tmp / f"part{seed}", seed)
        for f in (tmp / f"part{seed}").iterdir():
            room.mkdir(exist_ok=True)
            f.rename(room / f"{seed}-{f.name}")
    start = time.perf_counter()
    summary = summarise_folder(room)
    return time.perf_counter() - start, summary.read, len(summary.skipped)


def kb(n: int) -> str:
    return f"{n / 1000:,.1f}"


def decoder_rows(decode_seconds: float, decoded_bytes: int, sizes: dict[str, int],
                 python: dict[str, float], browser: dict[str, tuple[float, float]]) -> list[str]:
    rows = [f"| Decode {decoded_bytes / 1e6:.2f} MB of board-paper-like text (CPU seconds, best of 5) | {decode_seconds:.3f} s | 0.2 s |"]
    for kind, size in sizes.items():
        size = f"{PACK_PAGES}-page board pack as {kind} ({size / 1e6:.2f} MB)"
        rows.append(f"| Read and decode a {size} in Python (CPU seconds, best of 3) | {python[kind]:.2f} s | |")
        first, best = browser[kind]
        loading = ", pdf.js loading included" if kind == "PDF" else ""
        rows.append(f"| The same on the decoder page in Chromium: first time{loading} | {first:.2f} s | |")
        rows.append(f"| The same on the decoder page in Chromium: best of 3 more | {best:.2f} s | |")
    return rows


def python_decoder_figures(tmp: Path):
    """The Python decoder on 1 MB of text and on the generated board pack: (seconds, bytes
    decoded, the pack's files, seconds per pack file, the files' sizes)."""
    known = table(load_glossary(ROOT / "glossary"))
    decode_seconds, decoded_bytes = time_decoder(known)
    files = board_pack_files(known, tmp)
    return decode_seconds, decoded_bytes, files, time_pack_python(known, files), \
        {kind: path.stat().st_size for kind, path in files.items()}


def decoder_only(chromium: str) -> int:
    """The decoder's and the filter's figures alone, on one build."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        timed_build(ROOT, tmp / "book", FLAGS)
        html = tmp / "book" / "_build" / "html"
        decode_seconds, decoded_bytes, files, python, sizes = python_decoder_figures(tmp)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            page = browser.new_page()
            with serve(html) as base:
                in_browser = time_pack_browser(page, base + "book/reference/decoder.html", files)
                real_filter = time_filter(page, base + "book/reference/glossary.html")
            browser.close()
    entries = len(load_glossary(ROOT / "glossary"))
    print("| Measure | Result | Target |")
    print("| --- | ---: | ---: |")
    print("\n".join(decoder_rows(decode_seconds, decoded_bytes, sizes, python, in_browser)))
    print(f"| Glossary filter update, real glossary of {entries} entries (slowest of {3 * len(FILTER_QUERIES)}) "
          f"| {real_filter:.1f} ms | 16 ms |")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decoder-only", action="store_true", help="measure the decoder and the glossary filter alone")
    args = parser.parse_args()
    chromium = find_chromium()
    if chromium is None:
        print("benchmarks/run.py: no Chromium found (apt-get install chromium)", file=sys.stderr)
        return 1
    if args.decoder_only:
        return decoder_only(chromium)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        clean = timed_build(ROOT, tmp / "book", FLAGS)
        rebuild = timed_build(ROOT, tmp / "book", FLAGS)
        subprocess.run([JUPYTER_BOOK, "create", str(tmp / "stock-src")], check=True, capture_output=True)
        stock_build = timed_build(tmp / "stock-src", tmp / "stock", [])
        html = tmp / "book" / "_build" / "html"
        stock_html = tmp / "stock" / "_build" / "html"
        decode_seconds, decoded_bytes, files, pack_python, sizes = python_decoder_figures(tmp)
        (html / "synthetic-glossary.html").write_text(synthetic_glossary_page(10_000), encoding="utf-8")

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            page = browser.new_page()
            with serve(stock_html) as base:
                stock = weigh(page, base + "intro.html", stock_html)
            with serve(html) as base:
                weights = {path: weigh(page, base + path, html) for path in site_pages(html)
                           if path != "synthetic-glossary.html"}
                real_filter = time_filter(page, base + "book/reference/glossary.html")
                pack_browser = time_pack_browser(page, base + "book/reference/decoder.html", files)
                synthetic_filter = time_filter(page, base + "synthetic-glossary.html")
            browser.close()
        entries = len(load_glossary(ROOT / "glossary"))
        notebooks = time_notebooks()
        summary_seconds, summary_read, summary_skipped = time_summary(tmp)
        at_scale = room_summary.rows(html, tmp / "scale")

    print("## Build\n")
    print("| Measure | Seconds | Target |")
    print("| --- | ---: | ---: |")
    print(f"| Clean build of the whole book | {clean:.1f} | 60 |")
    print(f"| Rebuild with nothing changed | {rebuild:.1f} | 5 |")
    print(f"| Clean build of a stock `jupyter-book create` book, for comparison | {stock_build:.1f} | |")
    print("\n## Glossary and decoder\n")
    print("| Measure | Result | Target |")
    print("| --- | ---: | ---: |")
    print("\n".join(decoder_rows(decode_seconds, decoded_bytes, sizes, pack_python, pack_browser)))
    print(f"| Glossary filter update, real glossary of {entries} entries (slowest of {3 * len(FILTER_QUERIES)}) "
          f"| {real_filter:.1f} ms | 16 ms |")
    print(f"| Glossary filter update, synthetic glossary of 10,000 entries (slowest of {3 * len(FILTER_QUERIES)}) "
          f"| {synthetic_filter:.1f} ms | 50 ms |")
    print("\n## Workshops\n")
    print("| Measure | Seconds |")
    print("| --- | ---: |")
    for name, seconds in notebooks.items():
        print(f"| Run `exercises/workshops/{name}` top to bottom in a fresh kernel | {seconds:.1f} |")
    print(f"| `boardroom results summarise` on {summary_read + summary_skipped} files "
          f"({summary_read} read, {summary_skipped} skipped) | {summary_seconds:.2f} |")
    print("\n## The room's summary at scale\n")
    print("| Measure | Result |")
    print("| --- | ---: |")
    print("\n".join(at_scale))
    print("\n## Page weight\n")
    print("Everything each page loads, from 127.0.0.1 in Chromium. Budget: 150 kB gzipped, 20 requests.\n")
    print("| Page | Requests | Raw kB | Gzipped kB | Gzipped, share of stock page | Within budget |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    for path, w in weights.items():
        ok = "yes" if w.gzipped <= 150_000 and w.requests <= 20 else "NO"
        if ok == "NO" and path.endswith(("reference/glossary.html", "reference/questions-to-ask.html")) \
                and w.requests <= 20:
            ok = "no: the full list, by design"
        elif ok == "NO" and path == "search.html" and w.requests <= 20:
            ok = "no: the index of the whole book, by design"
        print(f"| {path} | {w.requests} | {kb(w.raw)} | {kb(w.gzipped)} | {w.gzipped / stock.gzipped:.0%} | {ok} |")
    print(f"| stock `jupyter-book create` intro.html | {stock.requests} | {kb(stock.raw)} | {kb(stock.gzipped)} | 100% | "
          f"{'yes' if stock.gzipped <= 150_000 and stock.requests <= 20 else 'NO'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
