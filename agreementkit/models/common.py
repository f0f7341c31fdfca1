"""Building blocks shared by the deal, clause and playbook models."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Lang = Literal["zh-TW", "en"]
LANGS: tuple[Lang, ...] = ("zh-TW", "en")


class Strict(BaseModel):
    """Base for every user-facing model: unknown keys are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Text(Strict):
    """Text in Traditional Chinese and/or English.

    A plain string in YAML means the same text in every language (a name such as "ACME").
    """

    zh_TW: str | None = Field(default=None, alias="zh-TW", min_length=1)
    en: str | None = Field(default=None, min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _from_plain_string(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"zh-TW": value, "en": value}
        return value

    @model_validator(mode="after")
    def _at_least_one(self) -> Text:
        if self.zh_TW is None and self.en is None:
            raise ValueError("give the text in zh-TW, en or both")
        return self

    def has(self, lang: Lang) -> bool:
        """Whether the text exists in ``lang``."""
        return (self.zh_TW if lang == "zh-TW" else self.en) is not None

    def get(self, lang: Lang) -> str:
        """The text in ``lang``, falling back to the other language when it is missing."""
        primary = self.zh_TW if lang == "zh-TW" else self.en
        return primary if primary is not None else (self.en or self.zh_TW or "")

    def __str__(self) -> str:
        return self.get("zh-TW")


Percent = Annotated[Decimal, Field(ge=0, le=100, max_digits=9, decimal_places=4)]
Money = Annotated[Decimal, Field(ge=0, max_digits=18, decimal_places=2)]
Days = Annotated[int, Field(ge=0, le=3650)]
