"""The quiz as a live Jupyter widget (JupyterLab, Notebook 7, VS Code).

The same front end as the book (``boardroom/static/quiz.js``) runs here under
anywidget; the learner's answers and score are synced traitlets, so Python can
read them::

    from boardroom import Quiz
    quiz = Quiz("why-the-board")
    quiz            # shows the quiz
    quiz.results()  # the learner's answers, marked in Python
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

import anywidget
import traitlets

from ..components import module_source, widget_css
from ..paths import find_upwards
from .banks import BANK_DIR, load_bank, payload, revision
from .model import Bank
from .render import quiz_html
from .scoring import results

# Fixes shuffled option order for this kernel session, as the book does per browser session.
_SESSION_SEED = str(secrets.randbelow(10**9))


def find_bank_file(name: str, start: Path | None = None) -> Path:
    """A bank file from an id, looking in ``exercises/quizzes`` here or in any parent folder."""
    candidate = Path(name)
    if candidate.suffix in {".yml", ".yaml"}:
        return candidate
    return find_upwards(BANK_DIR / f"{name}.yml", start)


class Quiz(anywidget.AnyWidget):
    _esm = module_source("quiz")
    _css = widget_css("quiz")

    bank = traitlets.Dict().tag(sync=True)
    answers = traitlets.Dict().tag(sync=True)
    score = traitlets.Int(0).tag(sync=True)
    seed = traitlets.Unicode(_SESSION_SEED).tag(sync=True)

    def __init__(self, bank: str | Path | Bank, **kwargs: Any):
        if not isinstance(bank, Bank):
            bank = load_bank(find_bank_file(str(bank)))
        self._bank = bank
        super().__init__(bank=payload(bank), **kwargs)

    def results(self) -> dict[str, Any]:
        """The learner's answers, each marked here in Python, in the shared results format."""
        return results(self._bank, self.answers, revision(self._bank))

    def reset(self) -> None:
        """Clear every answer, as the learner's "Reset quiz" button does."""
        self.answers = {}
        self.score = 0

    def _repr_mimebundle_(self, **kwargs: Any):
        # The widget view for live Jupyter, plus a text/html entry that the static
        # book mounts through boardroom.js (and a readable fallback anywhere else).
        bundle = super()._repr_mimebundle_(**kwargs)
        data, metadata = bundle if isinstance(bundle, tuple) else (bundle, {})
        data = {**data, "text/html": quiz_html(self._bank)}
        return data, metadata
