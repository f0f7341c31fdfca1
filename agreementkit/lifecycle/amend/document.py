"""The amendment agreement (修正協議書 / Amendment No. N) as an Agreement the normal renderers lay out.

One article per changed clause, in the agreement's own style: 「原契約第九條第一項修正為：」 followed
by the clause as amended, 「刪除原契約第十八條第四項。」, 「增訂第十二條第五項：」, a move stated as
such; numbers are those of the old agreement, the new position is named for moves and additions,
and a closing article says how the other clauses are renumbered. Then the effective date and that
everything else stays unchanged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from agreementkit.drafting.assemble import article_bookmark, article_label, clause_bookmark
from agreementkit.lifecycle.amend.compare import ClauseChange, Comparison
from agreementkit.locale.formatting import date_text
from agreementkit.locale.numerals import chinese_number
from agreementkit.models.agreement import (
    Agreement,
    Article,
    Block,
    Clause,
    Localized,
    Paragraph,
    Span,
    Table,
)
from agreementkit.models.common import LANGS, Lang


@dataclass(frozen=True)
class AmendmentInfo:
    """What the amendment needs beyond the two agreements."""

    number: int
    effective_date: dt.date
    date_style: str
    original_date: dt.date


def _para(texts: Localized, level: int = 0) -> Paragraph:
    return Paragraph({lang: (Span(texts[lang]),) for lang in LANGS}, level)


def _quoted(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The clause's blocks as plain text (references by their labels), inside 「」 / quotation marks."""
    out: list[Block] = []
    paragraphs = [i for i, b in enumerate(blocks) if isinstance(b, Paragraph)]
    first, last = (paragraphs[0], paragraphs[-1]) if paragraphs else (-1, -1)
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            out.append(block)
            continue
        texts: dict[Lang, str] = {}
        for lang in LANGS:
            text = block.text(lang) if lang in block.content else ""
            open_q, close_q = ("「", "」") if lang == "zh-TW" else ("\u201c", "\u201d")
            if index == first:
                text = open_q + text
            if index == last:
                text = text + close_q
            texts[lang] = text
        out.append(Paragraph({lang: (Span(texts[lang]),) for lang in LANGS}, block.level))
    return tuple(out)


def _instruction(change: ClauseChange) -> Localized:
    old_label = change.old.label if change.old else None
    new_label = change.new.label if change.new else None
    if change.kind == "deleted" and old_label:
        return {"zh-TW": f"刪除原契約{old_label['zh-TW']}。", "en": f"{old_label['en']} is deleted."}
    if change.kind == "added" and new_label:
        return {"zh-TW": f"增訂{new_label['zh-TW']}如下：", "en": f"A new {new_label['en']} is inserted:"}
    assert old_label is not None and new_label is not None
    if change.kind == "moved":
        if change.text_changed:
            return {
                "zh-TW": f"原契約{old_label['zh-TW']}移列為{new_label['zh-TW']}，並修正為：",
                "en": f"{old_label['en']} is moved to become {new_label['en']} and amended to read:",
            }
        return {
            "zh-TW": f"原契約{old_label['zh-TW']}移列為{new_label['zh-TW']}，內容不變。",
            "en": f"{old_label['en']} is moved, unchanged, to become {new_label['en']}.",
        }
    return {"zh-TW": f"原契約{old_label['zh-TW']}修正為：", "en": f"{old_label['en']} is amended to read:"}


def _change_blocks(change: ClauseChange) -> tuple[Block, ...]:
    blocks: list[Block] = [_para(_instruction(change))]
    if change.new is not None and change.kind != "deleted" and (change.kind != "moved" or change.text_changed):
        blocks.extend(_quoted(change.new.blocks))
    return tuple(blocks)


def _article(number: int, art_id: str, heading: Localized, blocks: tuple[Block, ...]) -> Article:
    clause = Clause(
        id=art_id,
        topic="amendment",
        category="amendment",
        article_number=number,
        number=1,
        heading=heading,
        blocks=blocks,
        bookmark=clause_bookmark(art_id),
        label=article_label(number),
        show_heading=False,
    )
    return Article(art_id, number, heading, (clause,), article_bookmark(art_id), article_label(number))


def amendment_title(old: Agreement, number: int) -> Localized:
    """「經銷合約書第一次修正協議書」 / "Amendment No. 1 to the Distribution Agreement"."""
    return {
        "zh-TW": f"{old.title['zh-TW']}第{chinese_number(number)}次修正協議書",
        "en": f"Amendment No. {number} to the {old.title['en']}",
    }


def build_amendment(comparison: Comparison, info: AmendmentInfo) -> Agreement:
    """The amendment agreement for ``comparison`` (which must hold at least one change)."""
    old, new = comparison.old, comparison.new
    title = amendment_title(old, info.number)
    number_zh = f"（契約編號：{old.number}）" if old.number else ""
    number_en = f" (No. {old.number})" if old.number else ""
    original = {lang: date_text(info.original_date, lang, info.date_style) for lang in LANGS}
    effective = {lang: date_text(info.effective_date, lang, info.date_style) for lang in LANGS}
    supplier, partner = new.parties[0], new.parties[1]
    preamble = (
        _para(
            {
                "zh-TW": f"{supplier.name['zh-TW']}（下稱「甲方」）與{partner.name['zh-TW']}（下稱「乙方」）於{original['zh-TW']}"
                f"簽訂{old.title['zh-TW']}{number_zh}（下稱「原契約」）。雙方同意依原契約關於契約修正之約定，"
                f"以書面修正原契約如下：",
                "en": f"{supplier.name['en']} and {partner.name['en']} entered into the {old.title['en']}{number_en} "
                f"dated {original['en']} (the \u201cAgreement\u201d). In accordance with the Agreement's provision on "
                f"amendments, the parties agree in writing to amend the Agreement as follows:",
            }
        ),
    )
    articles: list[Article] = []
    for change in comparison.changes:
        clause = change.new or change.old
        assert clause is not None
        n = len(articles) + 1
        articles.append(_article(n, f"amend_{n}_{change.clause_id}"[:36], dict(clause.heading), _change_blocks(change)))
    closing: list[Block] = []
    if comparison.renumbered:
        closing.append(
            _para(
                {
                    "zh-TW": "原契約其餘條項之條次及項次，依前述增訂、刪除及移列依序調整；原契約中引用條項之處，應依調整後之條次及項次解釋。",
                    "en": "The remaining clauses of the Agreement are renumbered to follow the insertions, deletions and "
                    "moves above, and references in the Agreement to its clauses are read as references to them as renumbered.",
                }
            )
        )
    closing.append(
        _para(
            {
                "zh-TW": f"本修正協議書自{effective['zh-TW']}起生效。",
                "en": f"This Amendment takes effect on {effective['en']}.",
            }
        )
    )
    closing.append(
        _para(
            {
                "zh-TW": "除本修正協議書所修正者外，原契約其他約定維持不變，繼續有效。本修正協議書為原契約之一部分，"
                "其約定與原契約牴觸者，以本修正協議書為準。",
                "en": "Except as amended by this Amendment, the Agreement remains unchanged and in full force. "
                "This Amendment forms part of the Agreement and prevails over it where they conflict.",
            }
        )
    )
    n = len(articles) + 1
    articles.append(_article(n, "amend_effect", {"zh-TW": "生效及效力", "en": "Effect"}, tuple(closing)))
    key_terms = Table(
        id="amendment_terms",
        caption={"zh-TW": "修正協議書要項", "en": "Amendment at a glance"},
        header=({"zh-TW": "項目", "en": "Item"}, {"zh-TW": "內容", "en": "Details"}),
        rows=(
            ({"zh-TW": "原契約", "en": "Agreement"}, {lang: f"{old.title[lang]}{number_zh if lang == 'zh-TW' else number_en}" for lang in LANGS}),
            ({"zh-TW": "原契約簽訂日", "en": "Agreement dated"}, original),
            ({"zh-TW": "修正次數", "en": "Amendment"}, {"zh-TW": f"第{chinese_number(info.number)}次修正", "en": f"No. {info.number}"}),
            ({"zh-TW": "修正條項數", "en": "Clauses changed"}, {lang: str(len(comparison.changes)) for lang in LANGS}),
            ({"zh-TW": "生效日", "en": "Effective date"}, effective),
        ),
        widths=(0.3, 0.7),
    )
    return Agreement(
        languages=new.languages,
        prevailing_language=new.prevailing_language,
        agreement_type=new.agreement_type,
        title=title,
        number=f"{old.number}-A{info.number}" if old.number else None,
        version=new.version,
        effective_date=effective,
        signing_place=new.signing_place,
        parties=new.parties,
        preamble=preamble,
        key_terms=key_terms,
        articles=tuple(articles),
        subject=new.subject,
        keywords=(*new.keywords, "amendment", "修正協議書"),
        source_date=f"{info.effective_date.isoformat()}T00:00:00Z",
        date_style=info.date_style,
        document_kind="amendment",
    )
