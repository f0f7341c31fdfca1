"""What every notice rule needs: the deal, its clause numbers, the parties, the date and the delivery.

The parties are addressed as the notices clause (clause_library/general/notices.yaml) addresses
them: the address of ``parties.<role>.address`` and, when the deal names one, the
``parties.<role>.notice_contact`` (收件人 / attention). The same clause says how a notice is
delivered and when it takes effect; :meth:`NoticeContext.receipt` and :func:`delivery` follow it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from agreementkit.errors import NoticeRefused
from agreementkit.lifecycle.deadlines.calendar_math import add_days, next_business_day
from agreementkit.lifecycle.notices.model import LetterMode, PartyBlock, Role
from agreementkit.lifecycle.review.citations import Citation, Citer, PartyTerms
from agreementkit.locale.formatting import date_text
from agreementkit.models.agreement import Localized
from agreementkit.models.common import LANGS, Lang, Text
from agreementkit.models.deal import Deal, Party, Person


def loc(zh: str, en: str) -> Localized:
    """A text in both languages."""
    return {"zh-TW": zh, "en": en}


def text_of(value: Text | None) -> Localized | None:
    """A deal text in both languages (each falling back to the other), or None."""
    return None if value is None else {lang: value.get(lang) for lang in LANGS}


def _person(person: Person) -> Localized:
    """陳怡君 通路業務處處長 / Chen Yi-Chun, Director of Channel Sales."""
    name, title = text_of(person.name) or loc("", ""), text_of(person.title)
    if title is None:
        return name
    return loc(f"{name['zh-TW']}　{title['zh-TW']}", f"{name['en']}, {title['en']}")


def party_block(deal: Deal, role: Role, terms: PartyTerms) -> PartyBlock:
    """The party as the notices clause addresses it: address and notice contact."""
    party: Party = getattr(deal.parties, role)
    contact = party.notice_contact
    rep = party.representative
    rep_name, rep_title = text_of(rep.name) or loc("", ""), text_of(rep.title)
    representative = rep_name if rep_title is None else loc(
        f"{rep_title['zh-TW']}　{rep_name['zh-TW']}", f"{rep_name['en']}, {rep_title['en']}"
    )
    label = loc("甲方", terms.s("en")) if role == "supplier" else loc("乙方", terms.p("en"))
    return PartyBlock(
        role=role,
        label=label,
        name=text_of(party.name) or loc("", ""),
        address=text_of(party.address) or loc("", ""),
        attention=_person(contact) if contact is not None else None,
        email=str(contact.email) if contact is not None and contact.email else None,
        phone=contact.phone if contact is not None else None,
        representative=representative,
    )


@dataclass(frozen=True)
class NoticeContext:
    """The deal, how the agreement cites its clauses and names its parties, and the letter's date."""

    deal: Deal
    cite: Citer
    terms: PartyTerms
    title: Localized
    date: dt.date
    sender_role: Role
    mode: LetterMode

    @property
    def addressee_role(self) -> Role:
        """The other party."""
        return "partner" if self.sender_role == "supplier" else "supplier"

    @property
    def taiwan_law(self) -> bool:
        """Whether the Civil Code's counting rules (民法第一百二十條至第一百二十二條) govern the agreement."""
        return self.deal.governing_law == "TW"

    @property
    def receipt(self) -> dt.date:
        """When a letter sent by email on :attr:`date` takes effect under the notices clause.

        An email takes effect when it enters the addressee's system, or on the next Business Day
        if that is not a Business Day (a letter sent in office hours is assumed); the registered
        letter that must follow a termination or breach notice arrives later, and the letter says
        that the periods run from receipt.
        """
        return next_business_day(self.date)

    def day(self, value: dt.date) -> Localized:
        """A date in the deal's style: 中華民國116年3月5日 / 5 March 2027."""
        style = self.deal.agreement.date_style
        return {lang: date_text(value, lang, style) for lang in LANGS}

    def clause(self, clause_id: str, what: str) -> Citation:
        """The numbered clause ``clause_id``; refused when the drafted agreement does not contain it."""
        if not self.cite.has(clause_id):
            raise NoticeRefused(f"the agreement has no {what} clause ({clause_id}), so it gives no basis for this notice")
        return self.cite(clause_id)

    def s(self, lang: Lang) -> str:
        """The sender in running text: 本公司 / we."""
        return "本公司" if lang == "zh-TW" else "we"

    def me(self) -> str:
        """The sender's party label: 甲方 / the Supplier."""
        return "甲方" if self.sender_role == "supplier" else "乙方"

    def you(self) -> str:
        """The addressee's party label: 乙方 / the Distributor."""
        return "乙方" if self.sender_role == "supplier" else "甲方"

    def me_en(self) -> str:
        """The sender's party label in English."""
        return self.terms.s("en") if self.sender_role == "supplier" else self.terms.p("en")

    def you_en(self) -> str:
        """The addressee's party label in English."""
        return self.terms.p("en") if self.sender_role == "supplier" else self.terms.s("en")


@dataclass(frozen=True)
class PeriodEnd:
    """The end of a period counted in days from receipt, as the clause and the governing law count it."""

    nominal: dt.date  # receipt + days
    end: dt.date  # moved to the next business day where the law says so
    note: Localized  # how it was counted


def days_after_receipt(ctx: NoticeContext, receipt: dt.date, days: int) -> PeriodEnd:
    """"within N days after receipt": the day of receipt is not counted, the period ends with day N.

    Under Taiwanese law (民法第一百二十條第二項, 第一百二十一條第一項) the day of receipt is not
    counted and the period ends at the end of its last day; a last day that is a Sunday, a
    memorial day or another rest day is replaced by the next working day (第一百二十二條).
    """
    nominal = add_days(receipt, days)
    if not ctx.taiwan_law:
        return PeriodEnd(nominal, nominal, loc(
            f"自收受之翌日起算{days}日", f"{days} days counted from the day after receipt"
        ))  # fmt: skip
    end = next_business_day(nominal)
    zh = f"自收受之翌日起算{days}日（民法第一百二十條第二項）"
    en = f"{days} days counted from the day after receipt (Civil Code art. 120(2))"
    if end != nominal:
        zh += f"，末日{ctx.day(nominal)['zh-TW']}為休息日，依民法第一百二十二條以其次日代之"
        en += f"; the last day, {ctx.day(nominal)['en']}, is not a working day, so under art. 122 the next one replaces it"
    return PeriodEnd(nominal, end, loc(zh, en))


def delivery(ctx: NoticeContext, addressee: PartyBlock, notices: Citation) -> tuple[Localized, Localized]:
    """How the notice goes (the notices clause): the delivery line and the closing paragraph.

    Every notice drafted here ends, gives notice of breach or is one the agreement requires in
    writing, so it goes by registered mail; when the addressee's notice contact has an email
    address a copy goes there too (the clause: such a notice sent by email must also be sent by
    registered mail). Other channels of the communication clause (LINE, the portal) do not serve it.
    """
    email = addressee.email
    line = loc("掛號郵件" + (f"並以電子郵件（{email}）寄送" if email else ""),
               "By registered mail" + (f" and by email ({email})" if email else ""))  # fmt: skip
    zh = f"本函依本契約{notices.label['zh-TW']}之約定，以掛號郵件寄送至貴公司前述地址"
    en = f"This letter is sent under {notices.label['en']} by registered mail to the address above"
    if email:
        zh += f"，並以電子郵件寄送至{email}（以電子郵件寄送者，於進入貴公司電子郵件系統時到達，另以掛號郵件寄送）"
        en += f" and by email to {email} (an email takes effect when it enters your email system; the registered letter follows it)"
    channels = [c for c in ctx.deal.communication.channels if c not in ("email",)]
    if channels:
        zh += "；本契約所定之其他溝通管道不作為本函之送達方式"
        en += "; the other communication channels under the Agreement are not used to serve it"
    return line, loc(zh + "。", en + ".")


def opening(ctx: NoticeContext) -> Localized:
    """說明一: which agreement, between whom, signed and in force when."""
    a = ctx.deal.agreement
    number_zh = f"（契約編號：{a.number}）" if a.number else ""
    number_en = f" No. {a.number}" if a.number else ""
    signed_zh = f"於{ctx.day(a.signing_date)['zh-TW']}簽訂" if a.signing_date else "簽訂"
    signed_en = f" signed on {ctx.day(a.signing_date)['en']}" if a.signing_date else ""
    return loc(
        f"本公司（{ctx.me()}）與貴公司（{ctx.you()}）{signed_zh}「{ctx.title['zh-TW']}」{number_zh}（下稱「本契約」），"
        f"本契約自{ctx.day(a.effective_date)['zh-TW']}起生效。",
        f"We refer to the {ctx.title['en']}{number_en} between us as {ctx.me_en()} and you as {ctx.you_en()}"
        f"{signed_en} (the “Agreement”), in force since {ctx.day(a.effective_date)['en']}.",
    )
