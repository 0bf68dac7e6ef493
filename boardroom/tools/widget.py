"""The review tools as live Jupyter widgets, on the same front end as the book::

    from boardroom import AIAdoptionCheck, BoardReadiness, ContractReview, HealthCheck, StrategyReview
    check = HealthCheck()
    check            # say the project's stage, then answer the questions due at it
    check.results()  # the rating, gaps and questions, worked out in Python

Any other rules file in ``exercises/tools/`` works the same way: ``Tool("its-id")``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import anywidget
import traitlets

from ..components import module_source, widget_css
from ..paths import find_upwards
from .data import TOOL_DIR, load_tool, payload, revision
from .engine import assess
from .render import tool_html


class Tool(anywidget.AnyWidget):
    """A review tool from ``exercises/tools/ID.yml`` (found here or in a parent folder)."""

    _esm = module_source("tool")
    _css = widget_css("quiz", "tool")

    tool = traitlets.Dict().tag(sync=True)
    answers = traitlets.Dict().tag(sync=True)
    stage = traitlets.Unicode("").tag(sync=True)  # a stage id, or "" before the reader chooses

    def __init__(self, tool_id: str, path: str | Path | None = None, **kwargs: Any):
        self._tool = load_tool(Path(path) if path else find_upwards(TOOL_DIR / f"{tool_id}.yml"))
        super().__init__(tool=payload(self._tool), **kwargs)

    def results(self) -> dict[str, Any]:
        """The reader's answers with the rating, strengths, gaps and questions, in the shared results format."""
        return assess(self._tool, self.answers, revision(self._tool), self.stage or None)

    def reset(self) -> None:
        self.answers = {}
        self.stage = ""

    def _repr_mimebundle_(self, **kwargs: Any):
        bundle = super()._repr_mimebundle_(**kwargs)
        data, metadata = bundle if isinstance(bundle, tuple) else (bundle, {})
        return {**data, "text/html": tool_html(self._tool)}, metadata


class StrategyReview(Tool):
    """Rate a digital strategy against criteria from public guidance."""

    def __init__(self, path: str | Path | None = None, **kwargs: Any):
        super().__init__("strategy-review", path, **kwargs)


class HealthCheck(Tool):
    """A delivery-confidence view of a project, in the style of the Infrastructure and Projects Authority."""

    def __init__(self, path: str | Path | None = None, **kwargs: Any):
        super().__init__("health-check", path, **kwargs)


class ContractReview(Tool):
    """Test a draft contract for a clinical system: data, interfaces, exit, security, money and authority."""

    def __init__(self, path: str | Path | None = None, **kwargs: Any):
        super().__init__("contract-review", path, **kwargs)


class AIAdoptionCheck(Tool):
    """Test a case for switching on an AI tool: evidence, safety, data law, checking, cost and accountability."""

    def __init__(self, path: str | Path | None = None, **kwargs: Any):
        super().__init__("ai-adoption-check", path, **kwargs)


class BoardReadiness(Tool):
    """A board's self-assessment of how it governs digital and cyber risk: "Is our board ready?"."""

    def __init__(self, path: str | Path | None = None, **kwargs: Any):
        super().__init__("board-readiness", path, **kwargs)
