"""Finding the course's data from a notebook, wherever in the course it runs."""

from __future__ import annotations

from pathlib import Path


def find_upwards(relative: Path, start: Path | None = None) -> Path:
    """``relative`` in the working folder or the nearest parent folder that has it."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / relative).exists():
            return folder / relative
    raise FileNotFoundError(f"no {relative} here or in any parent folder of {here}")
