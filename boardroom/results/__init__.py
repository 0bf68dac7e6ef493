"""A room's results at a glance: ``boardroom results summarise DIR``, or in a notebook::

    from boardroom.results import summarise_folder
    summary = summarise_folder("collected")   # writes collected/summary.html and summary.csv
"""

from __future__ import annotations

from pathlib import Path

from .report import write_csv, write_html
from .summary import Summary, summarise


def summarise_folder(folder: str | Path, output: str | Path | None = None) -> Summary:
    """Summarise every result file in ``folder``; write summary.html and summary.csv
    into ``output`` (the same folder unless given). Skipped files are listed in both."""
    folder = Path(folder)
    if not folder.is_dir():
        raise NotADirectoryError(f"{folder}: no such folder")
    target = Path(output) if output else folder
    target.mkdir(parents=True, exist_ok=True)
    summary = summarise(folder)
    write_html(summary, target / "summary.html")
    write_csv(summary, target / "summary.csv")
    return summary


__all__ = ["Summary", "summarise_folder"]
