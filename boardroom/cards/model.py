"""The format of a question-card file (``exercises/questions/*.yml``), as pydantic models."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..quiz.model import Ident, Text

# In the order the filter lists them: from a strategy to an incident, then the rest.
SITUATIONS: dict[str, str] = {
    "strategy-review": "Strategy review",
    "business-case": "Business case",
    "procurement": "Procurement",
    "contract-renewal": "Contract renewal",
    "project-assurance": "Project assurance",
    "go-live": "Go-live",
    "incident": "Incident",
    "data-and-ai": "Data and AI",
    "board-development": "Board development",
}
Situation = Literal[tuple(SITUATIONS)]  # type: ignore[valid-type]

# The course's modules, in reading order.
MODULES: tuple[str, ...] = ("strategy", "jargon", "failing-projects")
Module = Literal[MODULES]  # type: ignore[valid-type]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Card(Strict):
    id: Ident
    question: Text
    why: Text = Field(description="Why the question matters to a board.")
    good: Text = Field(description="What a good answer sounds like.")
    worrying: Text = Field(description="What a worrying answer sounds like.")
    situations: Annotated[list[Situation], Field(min_length=1)]
    page: Text = Field(description="The book page that teaches it, as a path without .md, such as book/strategy/index.")


class CardFile(Strict):
    module: Module
    title: Text
    cards: Annotated[list[Card], Field(min_length=1)]
