"""Check a built copy of the book as a reader's browser sees it.

Used by the tests and the benchmarks: serve a folder on 127.0.0.1, start
Debian's Chromium through Playwright (never a downloaded browser), and weigh
what a page loads.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import os
import shutil
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

# Chromium as root in a container, with the background traffic that this
# machine's closed network would refuse switched off.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]


def find_chromium() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@contextlib.contextmanager
def serve(folder: Path):
    """Serve ``folder`` on 127.0.0.1 on a free port; yields the base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    class Server(http.server.ThreadingHTTPServer):
        def handle_error(self, request, client_address):
            # a page left before a file finished (a test moving on) is not a fault of the site
            if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
                super().handle_error(request, client_address)

    server = Server(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def site_pages(folder: Path) -> list[str]:
    """Every HTML page of a built book, as paths relative to it."""
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*.html")
        if not p.relative_to(folder).parts[0].startswith("_")
    )


@dataclass
class Weight:
    requests: int
    raw: int
    gzipped: int


def weigh(page, url: str, folder: Path) -> Weight:
    """Load ``url`` in ``page`` and add up every file it fetched from ``folder``.

    Sizes are the files' bytes as served, and gzipped at level 6 as a typical
    web server would send them.
    """
    loaded: list[str] = []

    def note(request):
        loaded.append(request.url)

    page.on("requestfinished", note)
    try:
        page.goto(url)
        page.wait_for_load_state("networkidle")
    finally:
        page.remove_listener("requestfinished", note)
    raw = gzipped = 0
    for address in loaded:
        data = (folder / unquote(urlparse(address).path).lstrip("/")).read_bytes()
        raw += len(data)
        gzipped += len(gzip.compress(data, 6))
    return Weight(len(loaded), raw, gzipped)
