"""HTML renderer: numbering from the Agreement, bilingual rows, escaping; fonts and fetch policy (no WeasyPrint)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers_agreement import LANG_SETS, make_agreement

from agreementkit.errors import RenderError
from agreementkit.render.fonts import FontFace, FontSet, check_coverage, missing_characters, select_fonts
from agreementkit.render.html import render_html, template_dir
from agreementkit.render.pdf import FetchPolicy

INJECTION = '<img src="file:///etc/passwd"><link rel="attachment" href="file:///etc/passwd">'


def _text(html: str) -> str:
    body = html.split("<body", 1)[1]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


def test_zh_numbering_comes_from_the_agreement() -> None:
    html = render_html(make_agreement(("zh-TW",), articles=3))
    headings = re.findall(r'<h2 class="article-heading">([^<]+)</h2>', html)
    assert headings == ["第一條\u3000經銷權之授與", "第二條\u3000績效指標", "第三條\u3000其他約定三"]
    assert '<span class="clause-number">一、</span>授權範圍' in html
    assert '<span class="clause-number">二、</span>經銷區域' in html
    assert '<span class="marker">（一）</span>' in html and '<span class="marker">（二）</span>' in html
    assert '<span class="marker">1.</span>' in html
    # a one-clause article shows no clause heading
    assert "績效指標</h3>" not in html
    assert '<html lang="zh-TW">' in html


def test_en_numbering() -> None:
    html = render_html(make_agreement(("en",), articles=3))
    headings = re.findall(r'<h2 class="article-heading">([^<]+)</h2>', html)
    assert headings[:2] == ["Article 1 Appointment", "Article 2 Performance indicators"]
    assert '<span class="clause-number">1.2</span> Territory' in html
    assert '<span class="marker">(a)</span>' in html and '<span class="marker">(i)</span>' in html
    assert "Page &#34;" not in html and '"Page " counter(page) " of " counter(pages)' in html


def test_bilingual_rows_side_by_side() -> None:
    html = render_html(make_agreement(LANG_SETS["bilingual"], articles=2))
    assert html.count('class="bi-row article-heading-row"') == 2
    row = html.split('class="bi-row article-heading-row"', 1)[1].split("</div>\n  </div>", 1)[0]
    assert 'lang="zh-TW"' in row and 'lang="en"' in row
    assert "第一條\u3000經銷權之授與" in row and "Article 1 Appointment" in row
    assert '"第 " counter(page) " 頁，共 " counter(pages) " 頁" " / " "Page "' in html


def test_references_link_to_bookmarks_and_tables_have_header_rows() -> None:
    html = render_html(make_agreement(("zh-TW",)))
    assert '<a class="ref" href="#ak_kpi-clause">第二條</a>' in html
    assert 'id="ak_kpi-clause"' in html and 'id="ak_art_appointment"' in html
    assert "<thead>" in html and 'class="num"' in html
    assert 'class="signatures"' in html and "公司印鑑" in html and "代表人印鑑" in html


@pytest.mark.parametrize("langs", LANG_SETS.values(), ids=LANG_SETS.keys())
def test_deal_values_are_escaped(langs: tuple[str, ...]) -> None:
    html = render_html(make_agreement(langs, partner_name=INJECTION))  # type: ignore[arg-type]
    assert "<img" not in html and "<link" not in html
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in html
    assert "file:///etc/passwd" in _text(html)  # shown as text, inert


def test_template_has_no_clause_text_and_no_external_urls() -> None:
    folder = template_dir()
    for name in ("agreement.html.j2", "agreement.css"):
        text = (folder / name).read_text(encoding="utf-8")
        assert "http://" not in text and "https://" not in text and "url(" not in text
        assert "甲方授權" not in text


def test_fetch_policy_serves_only_templates_and_fonts(tmp_path: Path) -> None:
    folder = template_dir().resolve()
    font = tmp_path / "font.otf"
    font.write_bytes(b"x")
    policy = FetchPolicy(roots=(folder,), files=frozenset({font.resolve()}))
    assert policy.allowed_path((folder / "agreement.css").as_uri()) == folder / "agreement.css"
    assert policy.allowed_path(font.as_uri()) == font.resolve()
    for url in ("file:///etc/passwd", folder.as_uri() + "/../../../../etc/passwd", "http://example.com/x.css",
                "https://example.com/f.otf", "ftp://example.com/x", (tmp_path / "other.otf").as_uri(),
                "file://evil.example.com/etc/passwd"):
        assert policy.allowed_path(url) is None, url


def test_default_fonts_are_explicit_tc_families() -> None:
    fonts = select_fonts()
    assert fonts.body and all("TC" in family for family in fonts.body)
    css = fonts.css()
    assert "serif;" not in css and "sans-serif" not in css


def test_glyph_check_names_missing_characters_and_font() -> None:
    fonts = select_fonts()
    assert missing_characters(["甲方乙方經銷合約 Agreement（一）、。"], fonts) == []
    with pytest.raises(RenderError) as info:
        check_coverage(["經銷商\U000f0001名稱"], fonts)
    message = str(info.value)
    assert "U+F0001" in message and fonts.faces[0].family in message


def test_user_font_must_exist_and_be_a_font(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="no such font file"):
        select_fonts([tmp_path / "missing.ttf"])
    bogus = tmp_path / "bogus.txt"
    bogus.write_text("x")
    with pytest.raises(RenderError, match=r"\.ttf, \.otf or \.ttc"):
        select_fonts([bogus])


def test_user_latin_font_leaves_chinese_uncovered_without_fallback() -> None:
    dejavu = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not dejavu.is_file():
        pytest.skip("DejaVu not installed")
    latin_only = FontSet(("DejaVu Sans",), ("DejaVu Sans",), (FontFace("DejaVu Sans", dejavu),), "test")
    assert missing_characters(["Agreement 經銷"], latin_only) == ["經", "銷"]
    with_fallback = select_fonts([dejavu])
    assert with_fallback.body[0] == "DejaVu Sans"
    assert missing_characters(["Agreement 經銷"], with_fallback) == []


# -- bilingual layout: paragraph-by-paragraph rows, unbreakable amounts (issue 10, item 7) ------

from dataclasses import replace  # noqa: E402

from helpers_agreement import article, clause, loc, para  # noqa: E402

from agreementkit.render.html import split_unbreakable  # noqa: E402


def _long_list_agreement() -> object:
    items = tuple(para(f"第{n}款之內容。", f"the content of item {n};", 1) for n in range(1, 13))
    blocks = (para("本契約用語定義如下：", "In this Agreement:"), *items, para("其餘依法律。", "Otherwise the law applies."))
    defs = article(1, "definitions", loc("定義", "Definitions"),
                   (clause(1, 1, "definitions", loc("定義", "Definitions"), blocks, alone=True),))
    base = make_agreement(LANG_SETS["bilingual"], articles=2)
    return replace(base, articles=(defs, *base.articles[1:]))


def _rows(html: str) -> list[str]:
    return re.findall(r'<div class="bi-row para-row">\s*(.*?</div>)\s*</div>', html, re.S)


def test_bilingual_rows_hold_one_paragraph_per_language() -> None:
    html = render_html(_long_list_agreement())  # type: ignore[arg-type]
    rows = _rows(html)
    assert len(rows) >= 14
    for row in rows:
        zh, en = re.findall(r'<div class="bi-col col-\d" lang="([^"]+)">(.*?)</div>', row, re.S)
        assert zh[0] == "zh-TW" and en[0] == "en"
        assert zh[1].count('<p class="para') == 1 and en[1].count('<p class="para') == 1
    # the eleventh item sits beside its counterpart (k), not beside (h)
    eleventh = next(r for r in rows if "（十一）" in r)
    assert '<span class="marker">(k)</span>' in eleventh and "item 11" in eleventh and "第11款" in eleventh


def test_headings_keep_with_their_first_row_in_the_stylesheet() -> None:
    css = (template_dir() / "agreement.css").read_text(encoding="utf-8")
    rule = re.search(r"\.article-heading-row, \.clause-heading-row \{([^}]*)\}", css)
    assert rule and "break-after: avoid" in rule.group(1)
    bi_col = re.search(r"\.bi-col \{([^}]*)\}", css)
    assert bi_col and "box-sizing: border-box" in bi_col.group(1)
    assert re.search(r"\.nobr \{[^}]*white-space: nowrap", css)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("基本額度為NT$3,500,000元", ["NT$3,500,000"]),
        ("rebate of 2.5% on US$125,000.50", ["2.5%", "US$125,000.50"]),
        ("請寄至legal@example.com.tw，副本", ["legal@example.com.tw"]),
        ("三十日內", []),
        ("within 30 days", []),
    ],
)
def test_amounts_percentages_and_addresses_do_not_break(text: str, kept: list[str]) -> None:
    parts = split_unbreakable(text)
    assert "".join(p.text for p in parts) == text
    assert [p.text for p in parts if p.nobr] == kept


def test_amounts_are_unbreakable_in_html() -> None:
    html = render_html(make_agreement(("zh-TW",)))
    assert '<span class="nobr">NT$1,000,000</span>' in html or "新臺幣" in html
    html = render_html(make_agreement(("en",)))
    assert '<span class="nobr">NT$1,000,000</span>' in html


def test_labels_say_qi_yue() -> None:
    html = render_html(make_agreement(("zh-TW",)))
    shown = _text(html)
    assert "契約編號" in shown and "本契約全部條款" in shown and "以資信守" in shown
    assert "合約編號" not in shown and "本合約" not in shown.replace("訂立本合約", "")
