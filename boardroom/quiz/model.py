"""The question-bank format, as pydantic models.

A bank is a YAML file in ``exercises/quizzes/``. These models define what a
bank may hold; :mod:`boardroom.quiz.banks` adds the checks that span fields
(an answer that names no option, duplicate ids) and maps every problem to a
line of the file. ``boardroom schema`` exports the JSON Schema for editors.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, HttpUrl

Text = Annotated[str, Field(min_length=1)]
Ident = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9][a-z0-9-]*$",
        max_length=60,
        description="Lowercase letters, digits and hyphens; used in element ids and result files.",
    ),
]
Feedback = Annotated[str, Field(min_length=1, description="Teaching feedback shown after checking.")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    title: Text
    url: HttpUrl


class Option(Strict):
    id: Ident
    text: Text
    feedback: Feedback = Field(description="Why this option is right or wrong.")


class MatchOption(Strict):
    """A right-hand choice in a matching question; the items carry the feedback."""

    id: Ident
    text: Text


class MatchItem(Strict):
    id: Ident
    text: Text
    feedback: Feedback = Field(description="Explains the right match for this item.")


class CommonWrong(Strict):
    answers: list[Text] = Field(min_length=1)
    feedback: Feedback


class QuestionBase(Strict):
    id: Ident
    prompt: Text
    explanation: Text = Field(description="Shown after checking: the right answer and why.")
    source: Source | None = None


class SingleChoice(QuestionBase):
    type: Literal["single"]
    options: list[Option] = Field(min_length=2)
    answer: Ident = Field(description="The id of the one correct option.")


class MultipleAnswer(QuestionBase):
    type: Literal["multiple"]
    options: list[Option] = Field(min_length=2)
    answer: list[Ident] = Field(description="The ids of every correct option.")


class TrueFalse(QuestionBase):
    type: Literal["true_false"]
    answer: bool
    if_true: Feedback = Field(description="Feedback for a learner who answers True.")
    if_false: Feedback = Field(description="Feedback for a learner who answers False.")


class Matching(QuestionBase):
    type: Literal["matching"]
    items: list[MatchItem] = Field(min_length=2)
    options: list[MatchOption] = Field(min_length=2)
    answer: dict[Ident, Ident] = Field(description="Each item id mapped to its option id.")


class ShortAnswer(QuestionBase):
    type: Literal["short"]
    answer: list[Text] = Field(
        description="Accepted answers; case, spacing, hyphens and punctuation are ignored."
    )
    if_correct: Feedback
    if_incorrect: Feedback
    common_wrong: list[CommonWrong] = Field(default_factory=list)


Question = Annotated[
    Union[SingleChoice, MultipleAnswer, TrueFalse, Matching, ShortAnswer],
    Field(discriminator="type"),
]

QUESTION_TYPES = ("single", "multiple", "true_false", "matching", "short")


class Bank(Strict):
    # Editors flag 'shuffle: false' without a reason as you type; boardroom
    # validate checks the same (boardroom.quiz.giveaways).
    model_config = ConfigDict(json_schema_extra={
        "if": {"properties": {"shuffle": {"const": False}}, "required": ["shuffle"]},
        "then": {"required": ["shuffle_reason"]},
    })

    id: Ident
    title: Text
    description: str = ""
    shuffle: bool = Field(
        True,
        description="Shuffle each question's options, in an order fixed for the learner's session. "
        "Turn it off only with a 'shuffle_reason'.",
    )
    shuffle_reason: Text | None = Field(
        None, description="Why the options must keep their written order (for example, an ordered scale)."
    )
    questions: list[Question] = Field(min_length=1)
