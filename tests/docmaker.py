"""Real documents for decoder tests and benchmarks, made on the fly: text PDFs of one
page or many, a scanned (image-only) PDF, an encrypted PDF, Word documents, and
the text of a made-up board pack of any length."""

from __future__ import annotations

from pathlib import Path


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _write_pdf(path: Path, pages: list[tuple[str, str]]) -> Path:
    """A PDF written by hand (no PDF library writes text): each page is (content stream, resources)."""
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(len(pages)))
    font = 3 + 2 * len(pages)
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>"]
    extra = []
    for i, (body, resources) in enumerate(pages):
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R "
                       f"/Resources {resources.replace('FONT', f'{font} 0 R')} >>")
        objects.append(f"<< /Length {len(body.encode('latin-1'))} >>\nstream\n{body}\nendstream")
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objects.extend(extra)
    out = b"%PDF-1.4\n"
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("latin-1")
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode("latin-1")
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode("latin-1")
    path.write_bytes(out)
    return path


def _wrapped(line: str, width: int = 100) -> list[str]:
    """A paragraph as lines that fit the page (text beyond the page's edge is not on the page)."""
    import textwrap

    return textwrap.wrap(line, width) or [""]


def pages_pdf(path: Path, pages: list[list[str]]) -> Path:
    """A PDF with a page for each list of paragraphs, in 9-point Helvetica, each wrapped to the page."""
    streams = ["BT /F1 9 Tf 50 770 Td 10.5 TL " + " ".join(f"({_escape(part)}) '" for line in lines
                                                            for part in _wrapped(line)) + " ET"
               for lines in pages]
    return _write_pdf(path, [(body, "<< /Font << /F1 FONT >> >>") for body in streams])


def text_pdf(path: Path, lines: list[str]) -> Path:
    """A one-page PDF with ``lines``."""
    return pages_pdf(path, [lines])


def scanned_pdf(path: Path) -> Path:
    """A PDF whose one page is a picture (a grey square drawn as an inline image), with no text at all."""
    image = "q 400 0 0 400 100 200 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x80\x40\x40\x80 EI Q"
    return _write_pdf(path, [(image, "<< >>")])


def encrypted_pdf(path: Path, lines: list[str]) -> Path:
    from pypdf import PdfReader, PdfWriter

    plain = text_pdf(path.with_name("plain-" + path.name), lines)
    writer = PdfWriter()
    writer.append(PdfReader(str(plain)))
    writer.encrypt(user_password="board-only", algorithm="RC4-128")
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def word_document(path: Path, paragraphs: list[str], table_cells: list[str] = ()) -> Path:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table_cells:
        table = document.add_table(rows=1, cols=len(table_cells))
        for cell, text in zip(table.rows[0].cells, table_cells):
            cell.text = text
    document.save(str(path))
    return path


def word_pages(path: Path, pages: list[list[str]]) -> Path:
    """A Word document with each list of paragraphs on its own page; a line starting "| " becomes a
    one-row table of the cells between the bars."""
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    for n, lines in enumerate(pages):
        for line in lines:
            if line.startswith("| "):
                cells = [c.strip() for c in line.strip("| ").split("|")]
                table = document.add_table(rows=1, cols=len(cells))
                for cell, text in zip(table.rows[0].cells, cells):
                    cell.text = text
            else:
                document.add_paragraph(line)
        if n < len(pages) - 1:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.save(str(path))
    return path


def board_pack(acronyms: list[str], pages: int = 60, seed: int = 15) -> list[list[str]]:
    """The text of a made-up board pack, ``pages`` pages of 25 paragraphs (about 600 words a page): headings in capitals,
    paragraphs that use ``acronyms`` (a glossary's), a few acronyms no glossary holds, section
    numbers in Roman numerals, and "IT" and "US" as words. Fixed by ``seed``."""
    import random

    chooser = random.Random(seed)
    unknown = ["QXR", "ZEPHYR2", "KLMB", "WQ3"]
    verbs = ["approved", "noted", "asked about", "deferred", "reviewed", "challenged"]
    out = []
    for page in range(pages):
        lines = [f"PART {['I', 'II', 'III', 'IV', 'V', 'VI'][page % 6]} BOARD REPORT AND SUMMARY"]
        for n in range(24):
            a, b = chooser.sample(acronyms, 2)
            words = [f"The board {chooser.choice(verbs)} the {a} update and the {b} plan for the trust's patients,",
                     "and asked whether IT staff and the US supplier could meet the date."]
            if n % 9 == 4:
                words.insert(1, f"The {chooser.choice(unknown)} lead will report back in section {page % 5 + 1}.")
            if n % 15 == 7:
                lines.append(f"| {a} | {b} | owner and date agreed |")
            lines.append(" ".join(words))
        out.append(lines)
    return out
