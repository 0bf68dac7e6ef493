"""The glossary format, as pydantic models.

Glossary data is YAML in ``glossary/``: each file a list of entries. An entry
is a term with one meaning, or, for an acronym with several meanings (DBS,
SME, RIS), a list of ``senses``, each with a hint saying where that meaning is
used. Checks across entries (duplicates, related terms that do not exist) are
in :mod:`boardroom.glossary.data`.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, model_validator

Text = Annotated[str, Field(min_length=1)]


class Category(str, Enum):
    nhs_organisation = "nhs-organisation"
    nhs_system = "nhs-system"
    standard = "standard"
    data_and_privacy = "data-and-privacy"
    security = "security"
    technology = "technology"
    delivery_and_procurement = "delivery-and-procurement"
    finance_and_governance = "finance-and-governance"
    role = "role"
    product = "product"


CATEGORY_LABELS = {
    Category.nhs_organisation: "NHS and government bodies",
    Category.nhs_system: "National systems and services",
    Category.standard: "Standards and assurance",
    Category.data_and_privacy: "Data and privacy",
    Category.security: "Security",
    Category.technology: "Technology",
    Category.delivery_and_procurement: "Delivery and procurement",
    Category.finance_and_governance: "Finance and governance",
    Category.role: "Clinical and digital roles",
    Category.product: "Products and suppliers",
}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Meaning(Strict):
    """What a term means: shared by single-meaning entries and each sense."""

    expansion: Text | None = Field(None, description="What the letters stand for, for an acronym or initialism.")
    definition: Annotated[str, Field(min_length=20, max_length=600)] = Field(
        description="One to three plain-English sentences, in the authors' own words."
    )
    why_it_matters: Annotated[str, Field(min_length=10, max_length=300)] | None = Field(
        None, description="One sentence on why it matters to a board."
    )
    category: Category
    status: Literal["current", "historic"] = "current"
    replaced_by: Text | None = Field(None, description="For a historic term: what replaced it.")
    sources: list[HttpUrl] = Field(min_length=1)

    @model_validator(mode="after")
    def _historic_names_successor(self):
        if self.replaced_by and self.status != "historic":
            raise ValueError("'replaced_by' is only for a historic term: add 'status: historic'")
        return self


class Sense(Meaning):
    hint: Text = Field(description="Where this meaning is used, to tell the senses apart.")


class Entry(Strict):
    term: Annotated[str, Field(min_length=1, max_length=80)]
    aliases: list[Text] = Field(default_factory=list, description="Other spellings: e-RS and eRS, DSP Toolkit.")
    variants: list[Annotated[str, Field(min_length=2, max_length=40, pattern=r"\S")]] = Field(
        default_factory=list,
        description="Forms board papers write that the decoder matches but the glossary page does not list as "
        "names: another case (Fhir), a short form with digits or lower-case letters (111), a product's first "
        "words. Hyphen, space, plural and possessive forms need none (see boardroom.glossary.variants).",
    )
    related: list[Text] = Field(default_factory=list, description="Other glossary terms, by their term.")
    reviewed: dt.date
    # one meaning, given directly ...
    expansion: Text | None = None
    definition: Annotated[str, Field(min_length=20, max_length=600)] | None = None
    why_it_matters: Annotated[str, Field(min_length=10, max_length=300)] | None = None
    category: Category | None = None
    status: Literal["current", "historic"] | None = None
    replaced_by: Text | None = None
    sources: list[HttpUrl] | None = None
    # ... or several, each with a hint
    senses: list[Sense] | None = Field(None, min_length=2)

    @model_validator(mode="after")
    def _one_meaning_or_senses(self):
        direct = [f for f in ("expansion", "definition", "why_it_matters", "category", "status", "replaced_by", "sources")
                  if getattr(self, f) is not None]
        if self.senses is not None and direct:
            raise ValueError(f"give either 'senses' or a single meaning, not both (found {', '.join(direct)})")
        if self.senses is None:
            missing = [f for f in ("definition", "category", "sources") if getattr(self, f) is None]
            if missing:
                raise ValueError(f"missing required key(s): {', '.join(missing)}")
            Meaning.model_validate(  # the same checks as a sense
                {f: getattr(self, f) for f in direct}
            )
        return self

    def meanings(self) -> list[Meaning]:
        if self.senses is not None:
            return list(self.senses)
        return [
            Meaning(
                expansion=self.expansion, definition=self.definition, why_it_matters=self.why_it_matters,
                category=self.category, status=self.status or "current", replaced_by=self.replaced_by,
                sources=self.sources,
            )
        ]
