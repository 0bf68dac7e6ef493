"""Text from the documents board members are sent: .txt, .md, .html, .docx and .pdf.

Word documents are read with python-docx and PDFs with pypdf, both well kept
and pure Python. Every problem a person can cause (a missing, empty, binary,
non-UTF-8, encrypted, damaged or huge file) raises :class:`ProblemsFound` with
one ``file:line: problem`` message; nothing here prints a traceback for it.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from ..problems import Problem, ProblemsFound, display_path

MAX_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".docx", ".pdf"}


def _fail(path: Path, message: str, line: int = 1):
    raise ProblemsFound([Problem(display_path(path), line, message)])


class _Text(HTMLParser):
    SKIP = {"script", "style", "template", "noscript"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def _as_text(path: Path, data: bytes) -> str:
    if b"\x00" in data[:8192]:
        _fail(path, "this is a binary file, not text: decode .txt, .md, .html, .docx or .pdf files")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        _fail(path, "not UTF-8 text: save it as UTF-8 and try again", data[: err.start].count(b"\n") + 1)


def extract_text(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        _fail(path, f"cannot read '{suffix or 'no extension'}' files: use .txt, .md, .html, .docx or .pdf")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        _fail(path, "no such file")
    except OSError as err:
        _fail(path, f"cannot read: {err.strerror}")
    if path.is_dir():
        _fail(path, "this is a folder, not a file")
    if size == 0:
        _fail(path, "the file is empty")
    if size > MAX_BYTES:
        _fail(path, f"the file is too large ({size / 1e6:.0f} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB)")
    if suffix in TEXT_SUFFIXES or suffix in HTML_SUFFIXES:
        text = _as_text(path, path.read_bytes())
        if suffix in HTML_SUFFIXES:
            parser = _Text()
            parser.feed(text)
            text = " ".join(parser.parts)
    elif suffix == ".docx":
        text = _docx(path)
    else:
        text = _pdf(path)
    if not text.strip():
        _fail(path, "no text found in the file" + (" (a scanned PDF holds pictures of text: ask for the original document)" if suffix == ".pdf" else ""))
    return text


def _docx(path: Path) -> str:
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        _fail(path, "not a Word document (.docx), or it is damaged or password-protected")
    return "\n".join(_paragraph_text(p) for p in document.element.body.iter(_W + "p"))


# The same reading as boardroom/static/decoder.js (docxText), so both find acronyms in the same
# order: every paragraph of the body in document order, tables' and tracked insertions' included.
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOCX_TEXT = {_W + "tab": "\t", _W + "br": "\n", _W + "cr": "\n", _W + "noBreakHyphen": "-"}


def _paragraph_text(paragraph) -> str:
    out = []
    for node in paragraph.iter(_W + "t", *_DOCX_TEXT):
        holder = node.getparent()
        while holder is not paragraph and holder.tag != _W + "p":
            holder = holder.getparent()
        if holder is paragraph:  # not a text box's own paragraph, which is read in its turn
            out.append((node.text or "") if node.tag == _W + "t" else _DOCX_TEXT[node.tag])
    return "".join(out)


def _pdf(path: Path) -> str:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # its warnings would repeat our one line
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            _fail(path, "the PDF is encrypted: save a copy without a password and try again")
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except (FileNotDecryptedError, DependencyError):
        _fail(path, "the PDF is encrypted: save a copy without a password and try again")
    except (PdfReadError, ValueError, KeyError, OSError):
        _fail(path, "not a readable PDF: it may be damaged")
