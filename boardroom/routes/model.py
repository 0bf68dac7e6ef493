"""The format of ``exercises/routes.yml``, as pydantic models (the file's header explains it)."""

from __future__ import annotations

from typing import Annotated, Optional

from pydantic import BaseModel, ConfigDict, Field

from ..cards.model import Situation
from ..quiz.model import Ident, Text

Minutes = Annotated[int, Field(ge=1, le=180)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Stop(Strict):
    page: Text = Field(description="A page of the book, as a path without .md, such as book/strategy/index.")
    section: Optional[Text] = Field(None, description="A heading of that page, as written, to read that section only.")
    minutes: Optional[Minutes] = Field(None, description="Leave out to have the build count the words (200 a minute).")
    why: Text


class ToolUse(Strict):
    tool: Ident = Field(description="The directive that shows the tool, such as health-check.")
    page: Text = Field(description="The page that holds the tool.")
    minutes: Minutes
    why: Text


class Cards(Strict):
    situations: Annotated[list[Situation], Field(min_length=1)]
    minutes: Minutes
    why: Text


class Route(Strict):
    id: Ident
    title: Text
    summary: Text = Field(description="Who the route is for and what it gives them, in a sentence or two.")
    read: Annotated[list[Stop], Field(min_length=1)]
    tools: list[ToolUse] = []
    cards: Optional[Cards] = None
    next_meeting: Text = Field(description="What to do at the next board meeting.")


class RoutesFile(Strict):
    routes: Annotated[list[Route], Field(min_length=1)]
