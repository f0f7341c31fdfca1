"""Deal + library + outline → Agreement (pure: no I/O beyond reading the library).

Two passes: the first decides which clauses the deal includes and numbers them; the second
renders their text and resolves cross-references against those numbers, so every renderer
receives final numbers and labels.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import zip_longest
from typing import Any

from agreementkit.drafting.schedules import SCHEDULES, key_terms_table
from agreementkit.errors import InputError, LibraryError
from agreementkit.library.clauses import choose_variant, evaluate, render_text, variables_from_deal
from agreementkit.library.jinja import REF_CLOSE, REF_OPEN, TABLE_CLOSE, TABLE_OPEN
from agreementkit.library.loader import Library
from agreementkit.locale.formatting import date_text
from agreementkit.locale.numerals import chinese_number
from agreementkit.models.agreement import (
    Agreement,
    Article,
    Block,
    Clause,
    Inline,
    Localized,
    Paragraph,
    PartyBlock,
    Ref,
    Span,
    Table,
)
from agreementkit.models.clause import ClauseFile, Outline, Variant
from agreementkit.models.common import LANGS, Lang, Text
from agreementkit.models.deal import Deal, Party

BOOKMARK_MAX = 40
_MARKER = re.compile(f"({REF_OPEN}[^{REF_CLOSE}]*{REF_CLOSE}|{TABLE_OPEN}[^{TABLE_CLOSE}]*{TABLE_CLOSE})")
_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def clause_bookmark(clause_id: str) -> str:
    """Word bookmark name around a clause: ``ak_<id>`` (Word allows 40 characters)."""
    return f"ak_{clause_id}"[:BOOKMARK_MAX]


def article_bookmark(article_id: str) -> str:
    """Word bookmark name around an article heading."""
    return f"ak_art_{article_id}"[:BOOKMARK_MAX]


def article_label(number: int) -> Localized:
    """第五條 / Article 5."""
    return {"zh-TW": f"第{chinese_number(number)}條", "en": f"Article {number}"}


def clause_label(article: int, clause: int, alone: bool) -> Localized:
    """第五條第二項 / Clause 5.2 (the article's label when the clause is alone in it)."""
    if alone:
        return article_label(article)
    return {
        "zh-TW": f"第{chinese_number(article)}條第{chinese_number(clause)}項",
        "en": f"Clause {article}.{clause}",
    }


@dataclass
class _Planned:
    clause: ClauseFile
    variant: Variant
    texts: dict[Lang, str]


def _labels(outline: Outline) -> dict[Lang, dict[str, str]]:
    return {
        "zh-TW": {"S": "甲方", "P": "乙方"},
        "en": {"S": outline.supplier_label.en, "P": outline.partner_label.en},
    }


def _included(clause: ClauseFile, deal: Deal, context: Mapping[str, Any]) -> bool:
    if clause.applies_to is not None and deal.agreement.type not in clause.applies_to:
        return False
    return bool(evaluate(clause.when, context, clause.id, "inclusion condition `when`"))


def _plan_clause(
    clause: ClauseFile,
    deal: Deal,
    outline: Outline,
    languages: tuple[Lang, ...],
    context: Mapping[str, Any],
    memo: dict[str, Any] | None = None,
) -> _Planned:
    variables = variables_from_deal(clause, context, memo)
    variant = choose_variant(clause, variables)
    labels = _labels(outline)
    texts = {
        lang: render_text(
            clause, variant, lang, variables, {**labels[lang], "date_style": deal.agreement.date_style}
        )
        for lang in languages
    }
    return _Planned(clause, variant, texts)


def _join_lines(lines: list[str]) -> str:
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if out and not (_CJK.search(out[-1]) and _CJK.search(line[0])):
            out += " "
        out += line
    return out


def _split_blocks(text: str) -> list[tuple[str, int, str]]:
    """Body text → [(kind, level, text)] where kind is 'p' or 'table'."""
    blocks: list[tuple[str, int, str]] = []
    current: list[str] = []
    level = 0

    def flush() -> None:
        nonlocal current
        if current:
            blocks.append(("p", level, _join_lines(current)))
        current = []

    for raw in text.splitlines():
        stripped = raw.strip()
        if not stripped:
            flush()
            level = 0
            continue
        if stripped.startswith(TABLE_OPEN) and stripped.endswith(TABLE_CLOSE):
            flush()
            blocks.append(("table", 0, stripped[1:-1]))
            level = 0
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        if stripped.startswith("- "):
            flush()
            level = 2 if indent >= 2 else 1
            current = [stripped[2:]]
            continue
        current.append(stripped)
    flush()
    return blocks


@dataclass(frozen=True)
class _Target:
    """Where a clause or article landed: its bookmark, absolute label and numbers."""

    bookmark: str
    label: Localized
    article: int
    clause: int  # 0 for an article, or for a clause that is alone in its article
    article_bookmark: str


# Text between two references that makes them one list: 第五條、第七條及第九條 / 5.1, 7.2 and 9.
_LIST_SEPARATORS = frozenset({"、", "，", ",", ", ", " and ", ", and ", " or ", ", or ", "及", "或", "與", "和", "以及"})


def relative_label(target: _Target, here: tuple[int, str] | None, target_id: str) -> Localized | None:
    """本條第二項 / "paragraph 2 of this Article" for a reference inside its own article, else None."""
    if here is None or target.article != here[0]:
        return None
    if target.clause == 0:
        return {"zh-TW": "本條", "en": "this Article"}
    if target_id == here[1]:
        return {"zh-TW": "本項", "en": "this paragraph"}
    return {
        "zh-TW": f"本條第{chinese_number(target.clause)}項",
        "en": f"paragraph {target.clause} of this Article",
    }


def _in_order(parts: list[Inline], order: Mapping[str, tuple[int, int]]) -> list[Inline]:
    """Each list of references (joined only by separators) in ascending order, duplicates dropped."""
    out: list[Inline] = []
    i = 0
    while i < len(parts):
        if not isinstance(parts[i], Ref):
            out.append(parts[i])
            i += 1
            continue
        refs: list[Ref] = [parts[i]]  # type: ignore[list-item]
        seps: list[Inline] = []
        j = i + 1
        while j + 1 < len(parts):
            sep, nxt = parts[j], parts[j + 1]
            if not (isinstance(sep, Span) and sep.text in _LIST_SEPARATORS and isinstance(nxt, Ref)):
                break
            seps.append(sep)
            refs.append(nxt)
            j += 2
        unique = sorted({r.target: r for r in refs}.values(), key=lambda r: order[r.target])
        seps = seps[len(refs) - len(unique) :]  # keep the last separators ("及", " and ")
        for k, ref in enumerate(unique):
            if k:
                out.append(seps[k - 1])
            out.append(ref)
        i = j
    return out


class _Resolver:
    def __init__(self, targets: dict[str, _Target]) -> None:
        self.targets = targets
        self.order = {tid: (t.article, t.clause) for tid, t in targets.items()}

    def inlines(self, text: str, where: str, here: tuple[int, str] | None = None) -> tuple[Inline, ...]:
        """Text with reference markers → Spans and Refs; ``here`` is (article number, clause id)."""
        parts: list[Inline] = []
        for piece in _MARKER.split(text):
            if not piece:
                continue
            if piece.startswith(REF_OPEN):
                target_id = piece[1:-1]
                target = self.targets.get(target_id)
                if target is None:
                    raise LibraryError(
                        f"{where}: cross-reference to {target_id!r}, which this agreement does not include"
                    )
                relative = relative_label(target, here, target_id)
                parts.append(
                    Ref(target_id, target.bookmark, relative or target.label, target.article_bookmark,
                        relative=relative is not None)
                )
            elif piece.startswith(TABLE_OPEN):
                raise LibraryError(f"{where}: put {{{{ table(...) }}}} on a line of its own")
            else:
                parts.append(Span(piece))
        return tuple(_in_order(parts, self.order))


def _blocks(
    planned: _Planned,
    deal: Deal,
    languages: tuple[Lang, ...],
    resolver: _Resolver,
    here: tuple[int, str] | None = None,
) -> tuple[Block, ...]:
    per_lang = {lang: _split_blocks(planned.texts[lang]) for lang in languages}
    blocks: list[Block] = []
    where = f"clause {planned.clause.id!r} variant {planned.variant.id!r}"
    for row in zip_longest(*(per_lang[lang] for lang in languages)):
        kinds = {b[0] for b in row if b is not None}
        if "table" in kinds:
            names = {b[2] for b in row if b is not None}
            if kinds != {"table"} or len(names) != 1 or None in row:
                raise LibraryError(
                    f"{where}: the zh-TW and en bodies must place the same tables at the same point"
                )
            name = names.pop()
            builder = SCHEDULES.get(name)
            if builder is None:
                raise LibraryError(
                    f"{where}: unknown table {name!r}; use one of {', '.join(sorted(SCHEDULES))}"
                )
            try:
                blocks.append(builder(deal))
            except ValueError as exc:
                raise LibraryError(f"{where}: table {name!r}: {exc}") from None
            continue
        content = {}
        level = 0
        for lang, block in zip(languages, row, strict=True):
            text = block[2] if block is not None else ""
            level = max(level, block[1] if block is not None else 0)
            content[lang] = resolver.inlines(text, f"{where} ({lang})", here)
        blocks.append(Paragraph(content, level))
    return tuple(blocks)


def _loc(text: Text | None, fallback: str = "") -> Localized:
    if text is None:
        return {lang: fallback for lang in LANGS}
    return {lang: text.get(lang) for lang in LANGS}


def _party(role: str, label: Localized, party: Party) -> PartyBlock:
    rep = party.representative
    return PartyBlock(
        role=role,
        label=label,
        name=_loc(party.name),
        tax_id=party.tax_id,
        registration=party.registration,
        address=_loc(party.address),
        representative=_loc(rep.name),
        representative_title=_loc(rep.title, ""),
    )


def _source_date(deal: Deal) -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    day = deal.agreement.signing_date or deal.agreement.effective_date
    return f"{day.isoformat()}T00:00:00Z"


def drafted_in(deal: Deal, languages: tuple[Lang, ...]) -> Deal:
    """``deal`` as drafted in ``languages``: its language fields say what the document is written in.

    Clauses read ``deal.agreement.language`` and ``prevailing_language`` (the language clause,
    the cover), so a draft in another language than the deal's must not see the deal's own: a
    Chinese draft of an English deal is made in Chinese. A bilingual draft of a one-language deal
    lets the deal's own language prevail; a one-language draft has no prevailing language.
    """
    info = deal.agreement
    language = "bilingual" if len(set(languages)) == 2 else languages[0]
    if language == info.language:
        return deal
    prevailing = None
    if language == "bilingual":
        prevailing = info.prevailing_language or (info.languages[0] if info.language != "bilingual" else None)
    drafted = info.model_copy(update={"language": language, "prevailing_language": prevailing})
    return deal.model_copy(update={"agreement": drafted})


def place_clauses(articles: list[tuple[str, list[str]]], deal: Deal) -> list[tuple[str, list[str]]]:
    """Apply the deal's ``agreement.clause_placement`` moves to the outline's (article, clauses) list."""
    result = [(art_id, list(ids)) for art_id, ids in articles]
    for index, move in enumerate(deal.agreement.clause_placement):
        where = f"agreement.clause_placement[{index}]"
        known = [cid for _a, ids in result for cid in ids]
        if move.clause not in known:
            raise InputError(
                f"{where}.clause: {move.clause!r} is not a clause of the {deal.agreement.type} outline "
                f"(one of: {', '.join(sorted(known))})"
            )
        target = next((ids for art_id, ids in result if art_id == move.article), None)
        if target is None:
            raise InputError(
                f"{where}.article: {move.article!r} is not an article of the {deal.agreement.type} outline "
                f"(one of: {', '.join(a for a, _ in result)})"
            )
        for _art_id, ids in result:
            if move.clause in ids:
                ids.remove(move.clause)
        if move.after is None:
            target.append(move.clause)
        elif move.after in target:
            target.insert(target.index(move.after) + 1, move.clause)
        else:
            raise InputError(f"{where}.after: {move.after!r} is not a clause of article {move.article!r}")
    return result


def assemble(deal: Deal, library: Library, languages: tuple[Lang, ...] | None = None) -> Agreement:
    """Build the numbered Agreement for ``deal`` from ``library`` in ``languages`` (default: the deal's)."""
    langs = languages or deal.agreement.languages
    deal = drafted_in(deal, langs)
    outline = library.outline(deal.agreement.type)
    context = library.context(deal, outline)
    memo: dict[str, Any] = {}  # deal-field expressions evaluated once against this context

    # Pass 1: which clauses, in which articles, with which numbers.
    planned_articles: list[tuple[str, Localized, list[_Planned]]] = []
    placed = place_clauses([(a.id, list(a.clauses)) for a in outline.articles], deal)
    for art, (_art_id, clause_ids) in zip(outline.articles, placed, strict=True):
        clauses = [library.clause(cid) for cid in clause_ids]
        chosen = [_plan_clause(c, deal, outline, langs, context, memo) for c in clauses if _included(c, deal, context)]
        if chosen:
            planned_articles.append((art.id, art.heading.as_dict(), chosen))

    targets: dict[str, _Target] = {}
    for a_no, (art_id, _heading, chosen) in enumerate(planned_articles, start=1):
        art_mark = article_bookmark(art_id)
        targets[art_id] = _Target(art_mark, article_label(a_no), a_no, 0, art_mark)
        alone = len(chosen) == 1
        for c_no, planned in enumerate(chosen, start=1):
            cid = planned.clause.id
            if cid in targets:
                raise LibraryError(f"outline {deal.agreement.type!r}: clause {cid!r} appears twice")
            targets[cid] = _Target(
                clause_bookmark(cid), clause_label(a_no, c_no, alone), a_no, 0 if alone else c_no, art_mark
            )
    bookmarks = [t.bookmark for t in targets.values()]
    if len(set(bookmarks)) != len(bookmarks):
        raise LibraryError("two clause ids share their first 37 characters; shorten one of them")
    resolver = _Resolver(targets)

    # Pass 2: text, tables and resolved references.
    articles: list[Article] = []
    for a_no, (art_id, heading, chosen) in enumerate(planned_articles, start=1):
        alone = len(chosen) == 1
        numbered = tuple(
            Clause(
                id=p.clause.id,
                topic=p.clause.topic,
                category=p.clause.category,
                article_number=a_no,
                number=c_no,
                heading=p.clause.title.as_dict(),
                blocks=_blocks(p, deal, langs, resolver, (a_no, p.clause.id)),
                bookmark=clause_bookmark(p.clause.id),
                label=clause_label(a_no, c_no, alone),
                show_heading=not alone,
            )
            for c_no, p in enumerate(chosen, start=1)
        )
        articles.append(
            Article(art_id, a_no, heading, numbered, article_bookmark(art_id), article_label(a_no))
        )

    preamble: list[Paragraph] = []
    preamble_bookmarks: list[str] = []
    for cid in outline.preamble:
        clause = library.clause(cid)
        if _included(clause, deal, context):
            preamble_bookmarks.append(clause_bookmark(cid))
            for block in _blocks(_plan_clause(clause, deal, outline, langs, context, memo), deal, langs, resolver):
                if isinstance(block, Table):
                    raise LibraryError(f"preamble clause {cid!r} may not contain a table")
                preamble.append(block)

    info = deal.agreement
    title = {lang: (info.title.get(lang) if info.title else outline.title.get(lang)) for lang in LANGS}
    partner_label = outline.partner_label.as_dict()
    supplier_label = outline.supplier_label.as_dict()
    parties = (
        _party(
            "supplier",
            {"zh-TW": f"甲方（{supplier_label['zh-TW']}）", "en": supplier_label["en"]},
            deal.parties.supplier,
        ),
        _party(
            "partner",
            {"zh-TW": f"乙方（{partner_label['zh-TW']}）", "en": partner_label["en"]},
            deal.parties.partner,
        ),
    )
    return Agreement(
        languages=langs,
        prevailing_language=info.prevailing_language if len(langs) == 2 else None,
        agreement_type=info.type,
        title=title,
        number=info.number,
        version=info.version,
        effective_date={lang: date_text(info.effective_date, lang, info.date_style) for lang in LANGS},
        signing_place=_loc(info.signing_place) if info.signing_place else None,
        parties=parties,
        preamble=tuple(preamble),
        key_terms=key_terms_table(
            deal,
            title,
            partner_label,
            frozenset(c.id for a in articles for c in a.clauses),
            supplier_label,
            {lang: context["law"].laws_of.get(lang) for lang in LANGS},
        ),
        articles=tuple(articles),
        subject={lang: f"{parties[0].name[lang]} — {parties[1].name[lang]}" for lang in LANGS},
        keywords=("agreementkit", info.type, *(["channel partner", "通路夥伴"])),
        source_date=_source_date(deal),
        preamble_bookmarks=tuple(preamble_bookmarks),
        signing_date=info.signing_date.isoformat() if info.signing_date else None,
        date_style=info.date_style,
    )
