"""Building blocks shared by the deal, clause and playbook models."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidatorFunctionWrapHandler, model_validator

Lang = Literal["zh-TW", "en"]
LANGS: tuple[Lang, ...] = ("zh-TW", "en")
LANG_NAMES: dict[Lang, str] = {"zh-TW": "Chinese (zh-TW)", "en": "English"}
# Han ideographs, bopomofo, CJK punctuation and full-width forms: text no English sentence holds.
CHINESE_SCRIPT = re.compile(r"[\u2e80-\u2fff\u3000-\u303f\u3100-\u312f\u31a0-\u31bf\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


class Strict(BaseModel):
    """Base for every user-facing model: unknown keys are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Text(Strict):
    """Text in Traditional Chinese and/or English.

    A plain string in YAML is the deal's own text: it stands in every language the deal is
    written in, and in the other language only when its script fits it (see :meth:`has`).
    """

    zh_TW: str | None = Field(default=None, alias="zh-TW", min_length=1)
    en: str | None = Field(default=None, min_length=1)
    _plain: bool = PrivateAttr(default=False)

    @model_validator(mode="wrap")
    @classmethod
    def _from_plain_string(cls, value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        if isinstance(value, str):
            text = handler({"zh-TW": value, "en": value})
            text._plain = True
            return text
        return handler(value)

    @model_validator(mode="after")
    def _at_least_one(self) -> Text:
        if self.zh_TW is None and self.en is None:
            raise ValueError("give the text in zh-TW, en or both")
        return self

    @property
    def plain(self) -> bool:
        """Whether the text was given as a plain string rather than ``{zh-TW: …, en: …}``."""
        return self._plain

    def has(self, lang: Lang, written_in: tuple[Lang, ...] = LANGS) -> bool:
        """Whether the text exists in ``lang``, for a deal written in ``written_in``.

        A plain string is English only when it holds no Chinese script, and Chinese when the
        deal is written in Chinese or the string holds Chinese script: "Singapore" written for an
        English deal is no Chinese text, and "臺北市" is no English text.
        """
        if not self._plain:
            return (self.zh_TW if lang == "zh-TW" else self.en) is not None
        chinese = CHINESE_SCRIPT.search(self.zh_TW or "") is not None
        if lang == "en":
            return not chinese
        return chinese or "zh-TW" in written_in

    def get(self, lang: Lang) -> str:
        """The text in ``lang``, falling back to the other language when it is missing."""
        primary = self.zh_TW if lang == "zh-TW" else self.en
        return primary if primary is not None else (self.en or self.zh_TW or "")

    def __str__(self) -> str:
        return self.get("zh-TW")


Percent = Annotated[Decimal, Field(ge=0, le=100, max_digits=9, decimal_places=4)]
Money = Annotated[Decimal, Field(ge=0, max_digits=18, decimal_places=2)]
Days = Annotated[int, Field(ge=0, le=3650)]
