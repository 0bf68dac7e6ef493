"""The format of a review tool's rules (``exercises/tools/*.yml``), as pydantic models.

A tool is a list of items the reader answers on one four-point scale. The
answers give a share of the possible points, the share gives a rating (the
first band it reaches, best first), and an answer may cap the rating: a
project with no clinical safety case is never better than amber/red, however
good the rest looks. A tool may name the stages of a project: the reader says
the stage first, and an item not due until a later stage is left out of the
score and shown with what to ask for now. :mod:`boardroom.tools.data` adds the
checks that span fields; :mod:`boardroom.tools.engine` applies the rules.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..quiz.model import Ident, Source, Text

Answer = Literal["full", "part", "missing", "unknown"]
ANSWERS: tuple[str, ...] = ("full", "part", "missing", "unknown")
Confidence = Literal["good", "limited", "low"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ScaleOption(Strict):
    id: Answer
    label: Text
    points: int = Field(ge=0, le=2)


class Rating(Strict):
    id: Ident
    label: Text = Field(description="The rating in words; colour is never the only sign.")
    meaning: Text
    min_share: float = Field(ge=0, le=1, description="The lowest share of the maximum points that earns it.")


class Stage(Strict):
    id: Ident
    label: Text
    help: Text = Field(description="When a project is at this stage, in a sentence.")


class Item(Strict):
    id: Ident
    section: Text
    question: Text
    help: str | None = None
    strength: Text = Field(description="Shown when the answer is 'full'.")
    gap: Text = Field(description="Shown for any other answer: the risk, and why.")
    ask: Annotated[list[Text], Field(min_length=1, max_length=4)]
    caps: dict[Answer, Ident] = Field(default_factory=dict, description="The best rating an answer allows.")
    due_from: Ident | None = Field(None, description="The first stage at which the item is due (tools with stages).")
    before_due: Text | None = Field(None, description="What to ask for while the item is not yet due.")
    sources: Annotated[list[Source], Field(min_length=1)]


class Example(Strict):
    id: Ident
    title: Text
    summary: Text
    stage: Ident | None = None
    answers: dict[Ident, Answer]
    confidence: Confidence
    rating: Ident | None = Field(None, description="The rating the page claims; none when confidence is low.")
    at_best: Ident | None = Field(None, description="The rating if every unknown were a yes; needed when confidence is low.")


class Tool(Strict):
    id: Ident
    title: Text
    intro: Text
    rating_name: Text = Field("Rating", description="What the rating is called, as in 'Delivery confidence: Amber'.")
    asks_whom: Text = Field(description="Who the questions are for, as in 'Questions for the senior responsible owner'.")
    stage_question: Text = Field("At which stage is the project?", description="How the tool asks for the stage.")
    stages: list[Stage] = Field(default_factory=list, description="The stages of a project, earliest first; none for a tool without stages.")
    scale: Annotated[list[ScaleOption], Field(min_length=4, max_length=4)]
    ratings: Annotated[list[Rating], Field(min_length=2)]
    items: Annotated[list[Item], Field(min_length=3)]
    examples: list[Example] = Field(default_factory=list)

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items if i.id == item_id), None)

    def stage(self, stage_id: str | None) -> Stage | None:
        return next((s for s in self.stages if s.id == stage_id), None)
