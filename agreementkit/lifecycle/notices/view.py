"""The letter in one language as the renderers lay it out: header fields, subject, numbered paragraphs.

Shared by the DOCX and HTML renderers so both say the same thing in the same order.
"""

from __future__ import annotations

from dataclasses import dataclass

from agreementkit.lifecycle.notices.model import Letter, doc_title
from agreementkit.locale.numerals import chinese_number
from agreementkit.models.common import Lang


@dataclass(frozen=True)
class LetterView:
    """One language of a letter."""

    lang: Lang
    title: str
    fields: tuple[tuple[str, str], ...]  # (label, value); an empty label is a plain line
    subject: str
    salutation: str
    paragraphs: tuple[tuple[str, str], ...]  # (marker, text): 一、… / 1. …
    addressee: str
    sender: str
    representative: str


def zh_marker(index: int) -> str:
    """1 → 一、"""
    return f"{chinese_number(index)}、"


def view(letter: Letter, lang: Lang) -> LetterView:
    """The letter in ``lang``."""
    a = letter.addressee
    if lang == "zh-TW":
        attention = f"（收件人：{a.attention['zh-TW']}）" if a.attention else ""
        fields: tuple[tuple[str, str], ...] = (
            ("受文者：", f"{a.name['zh-TW']}{attention}"),
            ("地　址：", a.address["zh-TW"]),
            ("發文日期：", letter.date_text["zh-TW"]),
            ("發文字號：", letter.reference),
            ("送達方式：", letter.delivery["zh-TW"]),
        )
        paragraphs = tuple((zh_marker(i), p["zh-TW"]) for i, p in enumerate(letter.paragraphs, start=1))
        salutation = ""
    else:
        fields = (
            ("", letter.date_text["en"]),
            ("Our ref.: ", letter.reference),
            ("", letter.delivery["en"]),
            ("", a.name["en"]),
            *((("Attention: ", a.attention["en"]),) if a.attention else ()),
            ("", a.address["en"]),
        )
        paragraphs = tuple((f"{i}.", p["en"]) for i, p in enumerate(letter.paragraphs, start=1))
        name = a.attention["en"].split(",")[0] if a.attention else None
        salutation = f"Dear {name}," if name else "Dear Sir or Madam,"
    return LetterView(
        lang=lang, title=doc_title(letter.kind, letter.ground)[lang], fields=fields,
        subject=letter.subject[lang], salutation=salutation, paragraphs=paragraphs,
        addressee=a.name[lang], sender=letter.sender.name[lang], representative=letter.sender.representative[lang],
    )  # fmt: skip


def sender_details(letter: Letter) -> str:
    """The letterhead's second line: address, telephone, email."""
    langs = letter.languages
    s = letter.sender
    zh = langs[0] == "zh-TW"
    details = [" / ".join(dict.fromkeys(s.address[x] for x in langs))]
    if s.phone:
        details.append(("電話 " if zh else "Tel. ") + s.phone)
    if s.email:
        details.append(("電子郵件 " if zh else "Email ") + s.email)
    return ("｜" if zh else " | ").join(details)


def sender_names(letter: Letter) -> tuple[str, ...]:
    """The sender's name in each language of the letter (once if the same)."""
    return tuple(dict.fromkeys(letter.sender.name[x] for x in letter.languages))
