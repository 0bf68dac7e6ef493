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
    "supplier-management": "Supplier management",
    "project-assurance": "Project assurance",
    "go-live": "Go-live",
    "incident": "Incident",
    "cyber": "Cyber",
    "data-and-ai": "Data and AI",
    "board-development": "Board development",
}
Situation = Literal[tuple(SITUATIONS)]  # type: ignore[valid-type]

# The course's modules, in reading order.
MODULES: tuple[str, ...] = ("strategy", "jargon", "failing-projects", "deciding", "ai-and-data", "governing")
Module = Literal[MODULES]  # type: ignore[valid-type]

# Whom a board member puts a card's question to: the executive or officer whose
# job the answer is. Written as they read after "Put this to the" (lower case
# except proper names); the filter capitalises the first letter. In the order
# the filter lists them: the project, the money and the executive team, then
# the statutory and professional roles, then governance.
ROLES: dict[str, str] = {
    "senior-responsible-owner": "senior responsible owner",
    "chief-executive": "chief executive",
    "finance-director": "finance director",
    "chief-digital-officer": "chief digital or information officer",
    "chief-operating-officer": "chief operating officer",
    "medical-director": "medical director",
    "chief-nurse": "chief nurse",
    "chief-clinical-information-officer": "chief clinical information officer",
    "clinical-safety-officer": "clinical safety officer",
    "senior-information-risk-owner": "senior information risk owner",
    "data-protection-officer": "data protection officer",
    "caldicott-guardian": "Caldicott guardian",
    "procurement-lead": "procurement lead",
    "company-secretary": "company secretary",
    "chair": "chair",
}
Role = Literal[tuple(ROLES)]  # type: ignore[valid-type]


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
    put_to: Annotated[list[Role], Field(min_length=1, max_length=3)] = Field(
        description="Whom to put the question to: one to three roles, the one whose job the answer is first.")


class CardFile(Strict):
    module: Module
    title: Text
    cards: Annotated[list[Card], Field(min_length=1)]
