"""Shared fixtures: a fresh build of the book, a local server, and Debian's Chromium.

The book is built once per test session, from the working tree, into a
temporary folder, with the same flags as the README. Browser tests serve it on
127.0.0.1 and abort every request to any other host, recording the attempt so
the test fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pytest

from boardroom.sitecheck import CHROMIUM_ARGS, find_chromium, serve

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BUILD_FLAGS = ["--warningiserror", "--nitpick", "--keep-going"]
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

# Console errors from the stock sphinx-book-theme scripts, not from this project.
KNOWN_THEME_NOISE = ("THEBE_JS_URL", "Got invalid theme mode")


# The test files that visit every page of the book, each pass a minute or more
EVERY_PAGE = {"test_site", "test_wcag"}


# First: xdist reads the groups in its own hook of this name, which would otherwise run
# before this one and see no group at all (it did, and a walk of every page ran twice).
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Keep each test file on one worker (its module fixtures are built once), but
    let a file's light-mode and dark-mode runs go to different workers: those are
    the longest runs, a pass over every page each. The tests that read the light-mode
    keyboard walk's narrow-screen findings (test_wcag's ``narrow``) go with it.

    The passes over every page go first: xdist hands out groups in the order the
    tests are collected, and the longest starting first keeps both workers busy to
    the end instead of leaving one to finish a long pass alone.

    The suite runs on two workers (pytest-xdist, ``--dist loadgroup`` in
    pyproject.toml); each worker builds the book once.
    """
    items.sort(key=lambda item: item.module.__name__ not in EVERY_PAGE)  # stable: the rest keep their order
    for item in items:
        params = getattr(item, "callspec", None)
        params = params.params if params else {}
        scheme = params.get("scheme") or params.get("walked") or ("light" if "narrow" in item.fixturenames else None)
        # no brackets in a group's name: xdist takes a test id ending in "]" to have no group
        group = item.module.__name__ + (f"-{scheme}" if scheme in ("light", "dark") else "")
        item.add_marker(pytest.mark.xdist_group(group))


@dataclass
class Build:
    returncode: int
    output: str
    html: Path


def build_book(source: Path, output: Path) -> Build:
    """Run the README's build command on ``source``, writing into ``output``."""
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    command = [str(jupyter_book) if jupyter_book.exists() else "jupyter-book", "build", str(source),
               "--path-output", str(output), *BUILD_FLAGS]
    done = subprocess.run(command, cwd=source, capture_output=True, text=True, timeout=600)
    return Build(done.returncode, done.stdout + done.stderr, output / "_build" / "html")


@pytest.fixture(scope="session")
def book(tmp_path_factory) -> Build:
    return build_book(ROOT, tmp_path_factory.mktemp("book"))


def copy_fixture_book(folder: Path) -> Path:
    """A copy of the small fixture book (tests/fixtures/book) with its quiz bank, in
    ``folder/src``, for a test to change and build."""
    source = folder / "src"
    shutil.copytree(FIXTURES / "book", source)
    (source / "exercises" / "quizzes").mkdir(parents=True)
    shutil.copy(FIXTURES / "every-type.yml", source / "exercises" / "quizzes")
    return source


@pytest.fixture(scope="session")
def fixture_book(tmp_path_factory) -> Build:
    """The small fixture book (tests/fixtures/book) with its glossary, decoder and a quiz."""
    source = copy_fixture_book(tmp_path_factory.mktemp("fixture"))
    built = build_book(source, tmp_path_factory.mktemp("fixture-out"))
    if built.returncode != 0:
        pytest.fail(f"the fixture book did not build:\n{built.output[-3000:]}")
    return built


@pytest.fixture(scope="session")
def fixture_site(fixture_book):
    with serve(fixture_book.html) as base:
        yield base


@pytest.fixture(scope="session")
def site(book):
    """The built book served on 127.0.0.1; yields the base URL."""
    if book.returncode != 0:
        pytest.fail(f"the book did not build:\n{book.output[-3000:]}")
    with serve(book.html) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    executable = find_chromium()
    if executable is None:
        message = "no Chromium found: install Debian's package (apt-get install chromium) or set CHROMIUM"
        if IN_CI:
            pytest.fail(message + " (CI=true: a missing browser is a failure)")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Visit:
    """A browser context on the local site that records what the page did wrong."""

    def __init__(self, browser, **context_options):
        self.context = browser.new_context(**context_options)
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.new_page()

    def new_page(self):
        page = self.context.new_page()
        page.on("pageerror", lambda err: self.errors.append(f"page error: {err}"))
        page.on("console", self._console)
        page.on("response", self._response)
        return page

    def _response(self, response):
        if response.status >= 400:
            self.errors.append(f"HTTP {response.status}: {response.url}")

    def _route(self, route):
        host = urlparse(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def _console(self, message):
        # a failed load is reported with its address by _response
        if message.text.startswith("Failed to load resource"):
            return
        if message.type == "error" and not any(noise in message.text for noise in KNOWN_THEME_NOISE):
            self.errors.append(f"console error: {message.text}")

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser, site):
    """A fresh browser context (empty storage) on the local site; checked on the way out."""
    opened: list[Visit] = []

    def open_visit(**options) -> Visit:
        v = Visit(browser, **options)
        opened.append(v)
        return v

    yield open_visit
    for v in opened:
        outside, errors = v.outside, v.errors
        v.close()
        assert outside == [], f"requests left 127.0.0.1: {outside}"
        assert errors == [], f"the page reported errors: {errors}"
