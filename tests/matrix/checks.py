"""The matrix's assertions, one function per kind; each returns readable problems (empty = sound).

Kinds (the names KNOWN_DEFECTS in tests/test_drafting_matrix.py refers to):

- ``script``: text in a script the draft's language does not use;
- ``jurisdiction``: a statute, institution or tax term of another jurisdiction;
- ``references``: REF fields, links and 第X條 / Article n references that do not resolve, that
  point at their own article by number, or that are listed out of ascending order;
- ``conditions``: a clause the library's conditions exclude appears (or one they include is missing);
- ``fit``: wording that presupposes stock the partner does not hold;
- ``headings``: article and clause headings out of the outline's order;
- ``check``: ``agreementkit check`` on the DOCX blocks or misses a drafted clause's topic.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from agreementkit.drafting.assemble import clause_bookmark
from agreementkit.library.clauses import evaluate
from agreementkit.library.loader import Library
from agreementkit.locale.numerals import chinese_number
from agreementkit.models.agreement import Agreement, Paragraph, Table
from agreementkit.models.common import Text
from agreementkit.models.deal import Deal
from tests.matrix.documents import DocxContent, HtmlContent
from tests.matrix.generate import Combination
from tests.matrix.markers import Markers, jurisdiction_markers

MAX_SHOWN = 12


@dataclass
class Draft:
    """One combination drafted: the deal, the assembled Agreement and its renditions."""

    combo: Combination
    deal_path: Path
    deal: Deal
    library: Library
    agreement: Agreement
    docx_path: Path
    docx: DocxContent
    html: HtmlContent

    @property
    def single_language(self) -> str | None:
        """The one language of the draft, or None when bilingual."""
        return self.agreement.languages[0] if len(self.agreement.languages) == 1 else None


def report(draft: Draft, kind: str, problems: list[str]) -> str:
    """The assertion message: combination, how to reproduce, and the first problems."""
    shown = problems[:MAX_SHOWN]
    more = f"\n  … and {len(problems) - MAX_SHOWN} more" if len(problems) > MAX_SHOWN else ""
    return (
        f"{kind}: {len(problems)} problem(s) in {draft.combo.id}\n"
        f"  reproduce: python -m tests.matrix.generate --out /tmp/m && agreementkit draft "
        f"/tmp/m/{draft.combo.id}.yaml -o /tmp/m/out\n  - " + "\n  - ".join(shown) + more
    )


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    left = max(0, start - width)
    right = min(len(text), end + width)
    snippet = text[left:start] + "⟦" + text[start:end] + "⟧" + text[end:right]
    return " ".join(snippet.split())


# --- what the deal itself supplies -----------------------------------------------------------

NAME_FIELDS = frozenset({"name", "platform", "institution", "seat", "court", "mediation"})
RAW_STRING_FIELDS = frozenset(
    {"code", "email", "phone", "tax_id", "registration", "number", "delivery_terms", "version"}
)


def _walk(value: Any, key: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(value, Text):
        yield key, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name), name)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _walk(item, key)
    else:
        yield key, value


def user_strings(deal: Deal, lang: str) -> list[str]:
    """Deal texts a ``lang`` draft may print whatever their script: names, one-language texts, codes.

    A Text given once for every language (a plain string in the file) is a name given in one
    language only; names (parties, people, products, platform, forum) may carry a brand in
    another script. Longest first, for masking.
    """
    found: set[str] = set()
    for key, value in _walk(deal):
        if isinstance(value, Text):
            zh, en = value.zh_TW, value.en
            if zh is not None and zh == en:
                found.add(zh)
            elif key in NAME_FIELDS:
                found.add(value.get("en" if lang == "en" else "zh-TW"))
        elif isinstance(value, str) and key in RAW_STRING_FIELDS and value:
            found.add(value)
    return sorted(found, key=len, reverse=True)


def all_deal_texts(deal: Deal) -> list[str]:
    """Every text the deal supplies, in both languages (masked before looking for markers)."""
    found: set[str] = set()
    for key, value in _walk(deal):
        if isinstance(value, Text):
            found.update(t for t in (value.zh_TW, value.en) if t)
        elif isinstance(value, str) and key in RAW_STRING_FIELDS and value:
            found.add(value)
    return sorted(found, key=len, reverse=True)


def mask(text: str, strings: Iterable[str]) -> str:
    """``text`` with every occurrence of ``strings`` replaced by spaces of the same length."""
    for s in strings:
        if s:
            text = text.replace(s, " " * len(s))
    return text


# --- the Agreement's text, per language and with its article ---------------------------------


@dataclass(frozen=True)
class Piece:
    """A piece of the Agreement's text in one language; ``article`` is None outside the articles."""

    where: str
    article: int | None
    text: str


def _table_texts(table: Table, lang: str) -> Iterator[str]:
    yield table.caption[lang]  # type: ignore[index]
    for cell in table.header:
        yield cell[lang]  # type: ignore[index]
    for row in table.rows:
        for cell in row:
            yield cell[lang]  # type: ignore[index]


def pieces(agreement: Agreement, lang: str) -> Iterator[Piece]:
    """Every text of ``agreement`` in ``lang``: cover, parties, preamble, key terms, articles."""
    lg: Any = lang
    yield Piece("title", None, agreement.title[lg])
    yield Piece("effective date", None, agreement.effective_date[lg])
    if agreement.signing_place:
        yield Piece("signing place", None, agreement.signing_place[lg])
    for party in agreement.parties:
        for label, value in (("label", party.label), ("name", party.name), ("address", party.address),
                             ("representative", party.representative), ("title", party.representative_title)):
            yield Piece(f"{party.role} {label}", None, value[lg])
    for i, para in enumerate(agreement.preamble, start=1):
        yield Piece(f"preamble ¶{i}", None, para.text(lg))
    for text in _table_texts(agreement.key_terms, lang):
        yield Piece("key terms", None, text)
    for article in agreement.articles:
        yield Piece(f"{article.label[lg]} heading", article.number, article.heading[lg])
        for clause in article.clauses:
            where = f"{clause.label[lg]} ({clause.id})"
            yield Piece(f"{where} heading", article.number, clause.heading[lg])
            for n, block in enumerate(clause.blocks, start=1):
                if isinstance(block, Paragraph):
                    yield Piece(f"{where} ¶{n}", article.number, block.text(lg))
                else:
                    for text in _table_texts(block, lang):
                        yield Piece(f"{where} table {block.id}", article.number, text)


# --- (a) script ---------------------------------------------------------------------------

CJK = re.compile(
    "[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]+"
)
_EMAIL_URL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://\S+|www\.\S+")
_LATIN_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
# Latin glossing a defined term or abbreviation: 「市場開發基金（Market Development Fund，MDF）」.
_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff」])[（(]([A-Za-z][A-Za-z0-9 ,，.&/-]{0,60})[）)]")
UNITS = frozenset({"kg", "g", "mg", "km", "m", "cm", "mm", "ml", "kWh", "kW", "h", "min", "pcs"})
# Trade names with no Chinese form that a Chinese contract writes as they are: the messaging
# services a deal's `communication.channels` may name, and the ICC's trade terms.
TRADE_NAMES = frozenset({"Microsoft", "Teams", "Slack", "WeChat", "Incoterms"})


def foreign_script(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans of ``text`` in a script a ``lang`` text should not hold (after names are masked).

    en: any CJK character or full-width form. zh-TW: Latin words, except acronyms (all capitals,
    KPI / MDF / FCA), e-mail addresses and links, units, codes joined to digits (12F, SE-GW200)
    and a short Latin gloss in brackets right after the Chinese term it defines.
    """
    if lang == "en":
        return [(m.start(), m.end()) for m in CJK.finditer(text)]
    text = _EMAIL_URL.sub(lambda m: " " * len(m.group()), text)
    text = _GLOSS.sub(lambda m: m.group()[0] + " " * (len(m.group()) - 2) + m.group()[-1], text)
    spans = []
    for m in _LATIN_WORD.finditer(text):
        word = m.group()
        if word.isupper() or len(word) == 1 or word in UNITS or word in TRADE_NAMES:
            continue
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if before.isdigit() or after.isdigit():
            continue
        spans.append((m.start(), m.end()))
    return spans


def check_script(draft: Draft) -> list[str]:
    """(a) No text in a script the draft's language does not use, in the Agreement and its files."""
    problems: list[str] = []
    for lang in draft.agreement.languages:
        allowed = user_strings(draft.deal, lang)
        for piece in pieces(draft.agreement, lang):
            masked = mask(piece.text, allowed)
            for start, end in foreign_script(masked, lang):
                problems.append(f"[{lang}] {piece.where}: {_context(piece.text, start, end)}")
    lang = draft.single_language
    if lang is not None:  # what the renderers add: cover, headers, footers, signature page
        allowed = user_strings(draft.deal, lang)
        for source, text in (("DOCX", draft.docx.text()), ("HTML", draft.html.text)):
            masked = mask(text, allowed)
            seen: set[str] = set()
            for start, end in foreign_script(masked, lang):
                quote = _context(text, start, end)
                if quote not in seen:
                    seen.add(quote)
                    problems.append(f"[{lang}] {source}: {quote}")
    return problems


# --- (b) jurisdiction ---------------------------------------------------------------------


def _occurrences(text: str, phrase: str) -> Iterator[tuple[int, int]]:
    flags = re.IGNORECASE if phrase.isascii() else 0
    pattern = re.escape(phrase)
    if phrase.isascii():
        pattern = rf"(?<![A-Za-z]){pattern}(?![A-Za-z])"
    for m in re.finditer(pattern, text, flags):
        yield m.start(), m.end()


def jurisdiction_leaks(text: str, lang: str, law: str, countries: set[str], markers: Markers) -> list[tuple[str, int, int]]:
    """(phrase's owner, start, end) of every marker of another law, or of a country no party is from.

    An occurrence inside a longer phrase that belongs to the draft (``Personal Data Protection Act
    2012`` under Singapore law) is not a leak.
    """
    home: list[str] = list(markers.law.get(law, {}).get(lang, ()))
    for country in countries:
        home.extend(markers.tax.get(country, {}).get(lang, ()))
    home_spans = [span for phrase in home for span in _occurrences(text, phrase)]
    home_set = {p.lower() for p in home}

    def covered(start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in home_spans)

    leaks: list[tuple[str, int, int]] = []
    tables = [(f"law {code}", code, table) for code, table in markers.law.items() if code != law]
    tables += [(f"tax {code}", code, table) for code, table in markers.tax.items() if code not in countries]
    for owner, _code, table in tables:
        for phrase in table.get(lang, ()):
            if phrase.lower() in home_set:
                continue
            for start, end in _occurrences(text, phrase):
                if not covered(start, end):
                    leaks.append((owner, start, end))
    return leaks


def check_jurisdiction(draft: Draft) -> list[str]:
    """(b) No statute, institution or tax term of another jurisdiction than the deal's."""
    markers = jurisdiction_markers()
    deal = draft.deal
    law = deal.governing_law
    countries = {deal.parties.supplier.country, deal.parties.partner.country}
    supplied = all_deal_texts(deal)
    problems: list[str] = []
    seen: set[tuple[str, str]] = set()
    for lang in draft.agreement.languages:
        for piece in pieces(draft.agreement, lang):
            masked = mask(piece.text, supplied)
            for owner, start, end in jurisdiction_leaks(masked, lang, law, countries, markers):
                problems.append(
                    f"[{lang}] {piece.where}: {owner} term under governing law {law} "
                    f"(parties {'/'.join(sorted(countries))}): {_context(piece.text, start, end)}"
                )
                seen.add((lang, piece.text[start:end].lower()))
    # the renderers' own words (cover, signature page), each phrase once
    docx_text = mask(draft.docx.text(), supplied)
    for lang in draft.agreement.languages:
        for owner, start, end in jurisdiction_leaks(docx_text, lang, law, countries, markers):
            phrase = docx_text[start:end].lower()
            if (lang, phrase) not in seen:
                seen.add((lang, phrase))
                problems.append(f"[{lang}] DOCX: {owner} term under governing law {law}: "
                                f"{_context(draft.docx.text(), start, end)}")
    return problems


# --- (c) references -----------------------------------------------------------------------


@functools.cache
def _from_chinese() -> dict[str, int]:
    return {chinese_number(n): n for n in range(1, 1000)}


_ZH_NUM = "[〇零一二三四五六七八九十百]+"
_ZH_REF = re.compile(rf"第({_ZH_NUM})條(?:之{_ZH_NUM})?(?:第({_ZH_NUM})項)?")
_ZH_THIS = re.compile(rf"本條第({_ZH_NUM})項")
# a statute's article: 民法第五百五十八條, 公平交易法第十九條, 施行細則第三條, 條例第四條
_ZH_STATUTE_BEFORE = re.compile(r"(?:法|條例|細則|規則|辦法|公約|準則|通則)$")
_EN_REF = re.compile(
    r"\b(Articles?|Clauses?)\s+(\d+(?:\.\d+)?(?:(?:\s*,\s*|\s+and\s+|\s+or\s+|\s*(?:to|through|–|-)\s*)\d+(?:\.\d+)?)*)"
)
# "Article 12 of the Personal Data Protection Act", "Article 12 of that Act" cite a statute
_EN_STATUTE_AFTER = re.compile(r"\s+of\s+(?:(?:the\s+)?(?!this\b)[A-Z]|that\s+(?:Act|Law|Ordinance|Code)\b)")
_EN_NUMBER = re.compile(r"(\d+)(?:\.(\d+))?")


def _internal_refs(text: str, lang: str) -> Iterator[tuple[int, int | None, str, int, int]]:
    """(article, clause or None, form, start, end) of each reference to this agreement's parts."""
    if lang == "zh-TW":
        numbers = _from_chinese()
        for m in _ZH_REF.finditer(text):
            if _ZH_STATUTE_BEFORE.search(text[max(0, m.start() - 4):m.start()]):
                continue
            art = numbers.get(m.group(1))
            if art is None:
                continue
            clause = numbers.get(m.group(2)) if m.group(2) else None
            yield art, clause, "number", m.start(), m.end()
        return
    for m in _EN_REF.finditer(text):
        if _EN_STATUTE_AFTER.match(text, m.end()):
            continue
        first = True
        for n in _EN_NUMBER.finditer(m.group(2)):
            art = int(n.group(1))
            clause = int(n.group(2)) if n.group(2) else None
            form = "article" if m.group(1).startswith("Article") and clause is None else "clause"
            start = m.start() if first else m.start(2) + n.start()
            yield art, clause, form, start, m.start(2) + n.end()
            first = False


_LIST_JOINER = re.compile(r"^(?:\s*(?:、|，|,|及|與|和|或|以及|and|or|, and|, or)\s*)$")


def _unordered_lists(text: str, lang: str) -> Iterator[tuple[int, int]]:
    """Spans of two references listed one after the other in descending order (第十條、第二條)."""
    refs = list(_internal_refs(text, lang))
    for (a1, c1, _f1, s1, e1), (a2, c2, _f2, s2, e2) in itertools.pairwise(refs):
        if e1 <= s2 and _LIST_JOINER.match(text[e1:s2]) and (a2, c2 or 0) < (a1, c1 or 0):
            yield s1, e2


def check_references(draft: Draft) -> list[str]:
    """(c) Every REF field, link and text reference resolves; none names its own article by number;
    lists of references ascend."""
    problems: list[str] = []
    agreement = draft.agreement
    sizes = {a.number: len(a.clauses) for a in agreement.articles}
    for target in draft.docx.ref_targets:
        if target not in draft.docx.bookmarks:
            problems.append(f"DOCX: REF field points at bookmark {target!r}, which the document lacks")
    for anchor in draft.docx.anchors:
        if anchor not in draft.docx.bookmarks:
            problems.append(f"DOCX: internal link to bookmark {anchor!r}, which the document lacks")
    for href in draft.html.hrefs:
        if href not in draft.html.ids:
            problems.append(f"HTML: link to #{href}, which no element carries")
    for lang in agreement.languages:
        for piece in pieces(agreement, lang):
            for art, clause, form, start, end in _internal_refs(piece.text, lang):
                quote = _context(piece.text, start, end)
                if art not in sizes:
                    problems.append(f"[{lang}] {piece.where}: reference to article {art}, of {len(sizes)}: {quote}")
                elif clause is not None and clause > sizes[art]:
                    problems.append(
                        f"[{lang}] {piece.where}: reference to {art}.{clause}, but article {art} has "
                        f"{sizes[art]} clause(s): {quote}"
                    )
                elif art == piece.article and (lang == "zh-TW" or form == "article"):
                    own = "本條" if lang == "zh-TW" else "this Article"
                    problems.append(f"[{lang}] {piece.where}: names its own article by number (write {own}): {quote}")
            for start, end in _unordered_lists(piece.text, lang):
                problems.append(f"[{lang}] {piece.where}: references listed out of order: "
                                f"{_context(piece.text, start, end)}")
            if lang == "zh-TW" and piece.article is not None:
                for m in _ZH_THIS.finditer(piece.text):
                    n = _from_chinese().get(m.group(1))
                    if n is not None and n > sizes[piece.article]:
                        problems.append(
                            f"[{lang}] {piece.where}: 本條 has {sizes[piece.article]} 項: "
                            f"{_context(piece.text, m.start(), m.end())}"
                        )
    return problems


# --- (d) conditions, and fit --------------------------------------------------------------


def expected_clauses(draft: Draft) -> tuple[list[str], list[str], list[str]]:
    """(preamble ids, article clause ids in order, excluded ids) by the library's own conditions."""
    deal, library = draft.deal, draft.library
    outline = library.outline(deal.agreement.type)
    context = {"deal": deal, "outline": outline}

    def included(cid: str) -> bool:
        clause = library.clause(cid)
        if clause.applies_to is not None and deal.agreement.type not in clause.applies_to:
            return False
        return bool(evaluate(clause.when, context, clause.id, "inclusion condition `when`"))

    preamble = [c for c in outline.preamble if included(c)]
    body = [c for art in outline.articles for c in art.clauses if included(c)]
    listed = [*outline.preamble, *(c for art in outline.articles for c in art.clauses)]
    excluded = [c for c in listed if c not in preamble and c not in body]
    return preamble, body, excluded


def check_conditions(draft: Draft) -> list[str]:
    """(d) The clauses drafted are exactly those the outline and the clauses' conditions include."""
    preamble, body, excluded = expected_clauses(draft)
    problems: list[str] = []
    drafted = [c.id for c in draft.agreement.clauses()]
    if drafted != body:
        extra = [c for c in drafted if c not in body]
        missing = [c for c in body if c not in drafted]
        problems.append(
            f"Agreement clauses differ from outline + conditions: extra {extra}, missing {missing}"
            + ("" if extra or missing else f", order {drafted}")
        )
    for cid in [*preamble, *body]:
        mark = clause_bookmark(cid)
        if mark not in draft.docx.bookmarks:
            problems.append(f"DOCX: included clause {cid!r} has no bookmark {mark!r}")
        if cid in body and mark not in draft.html.ids:  # the HTML marks article clauses only
            problems.append(f"HTML: included clause {cid!r} has no element id {mark!r}")
    for cid in excluded:
        mark = clause_bookmark(cid)
        if mark in draft.docx.bookmarks or mark in draft.html.ids:
            problems.append(f"clause {cid!r} is excluded by its condition but appears ({mark})")
    return problems


# Spare parts the supplier keeps available for goods already sold are after-sales support, right
# for any deal in goods (an agent's customers buy from the supplier); spares the partner itself
# keeps are caught as stock (庫存, 備品, inventory, stock).
STOCK_WORDS: Mapping[str, tuple[str, ...]] = {
    "zh-TW": ("庫存", "存貨", "倉儲", "出清", "備品"),
    "en": ("inventory", "stock", "stocks", "warehouse", "warehoused", "warehousing",
           "sell-off", "sell off", "stock age"),
}


def holds_no_stock(combo: Combination) -> str | None:
    """Why the partner of ``combo`` holds no stock, or None when it may."""
    if combo["type"] in ("referral", "agency", "strategic_alliance"):
        return f"a {combo['type']} partner buys nothing for resale"
    if combo["sold"] != "goods":
        return f"{combo['sold']} are not goods kept in stock"
    return None


def check_fit(draft: Draft) -> list[str]:
    """(d) Wording that presupposes stock (inventory, warehouses, spare parts) only where stock exists."""
    why = holds_no_stock(draft.combo)
    if why is None:
        return []
    supplied = all_deal_texts(draft.deal)
    problems: list[str] = []
    for lang in draft.agreement.languages:
        for piece in pieces(draft.agreement, lang):
            masked = mask(piece.text, supplied)
            for word in STOCK_WORDS[lang]:
                for start, end in _occurrences(masked, word):
                    problems.append(f"[{lang}] {piece.where}: {why}, yet: {_context(piece.text, start, end)}")
    return problems


# --- (e) headings -------------------------------------------------------------------------

_DOCX_H1 = re.compile(r"^(?:AK)?Heading1(EN)?$")
_DOCX_H2 = re.compile(r"^(?:AK)?Heading2(EN)?$")
_LEADING_NUMBER = re.compile(r"^\s*(?:第[〇零一二三四五六七八九十百]+條|Article\s+\d+|[一二三四五六七八九十]+、|\d+(?:\.\d+)*\.?)[\s\u3000]*")


def _strip_number(text: str) -> str:
    return _LEADING_NUMBER.sub("", text).strip()


def check_headings(draft: Draft) -> list[str]:
    """(e) Article and clause headings in the DOCX, the HTML and the Agreement follow the outline."""
    deal, library = draft.deal, draft.library
    outline = library.outline(deal.agreement.type)
    _pre, body, _exc = expected_clauses(draft)
    problems: list[str] = []
    for lang in draft.agreement.languages:
        lg: Any = lang
        articles = [a for a in outline.articles if any(c in body for c in a.clauses)]
        want_h1 = [a.heading.get(lg) for a in articles]
        want_h2 = [
            library.clause(c).title.get(lg)
            for a in articles
            for c in [c for c in a.clauses if c in body]
            if sum(1 for x in a.clauses if x in body) > 1
        ]
        got_ir = [a.heading[lg] for a in draft.agreement.articles]
        if got_ir != want_h1:
            problems.append(f"[{lang}] Agreement article headings {got_ir} ≠ outline {want_h1}")
        is_en_style = lang == "en" and len(draft.agreement.languages) == 2

        def docx_headings(pattern: re.Pattern[str], en_style: bool = is_en_style) -> list[str]:
            found = []
            for p in draft.docx.paragraphs:
                m = pattern.match(p.style)
                if p.part == "document" and m and bool(m.group(1)) == en_style and p.text.strip():
                    found.append(_strip_number(p.text))
            return found

        for level, want, pattern in (("article", want_h1, _DOCX_H1), ("clause", want_h2, _DOCX_H2)):
            got = docx_headings(pattern)
            if got != want:
                diff = next((i for i, (a, b) in enumerate(zip(got, want, strict=False)) if a != b), min(len(got), len(want)))
                problems.append(
                    f"[{lang}] DOCX {level} headings differ from the outline at #{diff + 1}: "
                    f"DOCX {got[diff:diff + 3]} vs outline {want[diff:diff + 3]} ({len(got)} vs {len(want)})"
                )
        html_h2 = [_strip_number(t) for cls, t in draft.html.headings if "article-heading" in cls.split()]
        html_lang = [t for t in html_h2 if bool(CJK.search(t)) == (lang == "zh-TW")]
        if html_lang != want_h1:
            problems.append(f"[{lang}] HTML article headings {html_lang[:4]}… ≠ outline {want_h1[:4]}… "
                            f"({len(html_lang)} vs {len(want_h1)})")
    return problems


# --- (f) the checker ----------------------------------------------------------------------


def check_checker(draft: Draft) -> list[str]:
    """(f) ``agreementkit check`` on the DOCX blocks exactly where it blocks the deal file and finds
    every drafted clause's topic."""
    from agreementkit.check.result import CheckOptions
    from agreementkit.check.service import check_path

    result = check_path(draft.docx_path, CheckOptions())
    # The draft carries the deal: what blocks the deal file (an exclusive deal without commitment
    # or KPIs) must block its draft, and nothing else may.
    on_deal = {f.rule for f in check_path(draft.deal_path, CheckOptions()).sorted_findings() if f.severity == "blocker"}
    problems = [
        f"blocker {f.rule} on the draft, not on the deal: {f.message}"
        for f in result.sorted_findings()
        if f.severity == "blocker" and f.rule not in on_deal
    ]
    on_draft = {f.rule for f in result.sorted_findings() if f.severity == "blocker"}
    problems += [f"blocker {rule} on the deal file, but the draft's check misses it" for rule in sorted(on_deal - on_draft)]
    present = {t.id for t in result.topics if t.present}
    for clause in draft.agreement.clauses():
        if clause.topic not in present:
            problems.append(
                f"drafted clause {clause.id!r} ({clause.label['en']}) not found: topic {clause.topic!r}"
            )
    return problems


CHECKS = {
    "script": check_script,
    "jurisdiction": check_jurisdiction,
    "references": check_references,
    "conditions": check_conditions,
    "fit": check_fit,
    "headings": check_headings,
    "check": check_checker,
}
