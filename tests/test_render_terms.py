"""The layout's term table: one word for the agreement, the closing date line, the font table
entry and the column widths that keep words whole."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agreementkit.locale.terms import LABELS, closing_date, witness_sentence
from agreementkit.render.fonttable import font_info, font_table_xml
from agreementkit.render.widths import fit_widths, widest_word_em


def test_chinese_labels_say_qi_yue_never_he_yue() -> None:
    zh = [labels["zh-TW"] for labels in LABELS.values()]
    assert not any("合約" in text for text in zh)
    assert LABELS["number"]["zh-TW"] == "契約編號"
    assert witness_sentence("agreement", "zh-TW") == "立契約書人已詳閱並同意本契約全部條款，爰簽署本契約，以資信守。"
    assert witness_sentence("amendment", "zh-TW") == "立契約書人已詳閱並同意本修正協議書全部條款，爰簽署本修正協議書，以資信守。"
    assert "this Amendment" in witness_sentence("amendment", "en")


@pytest.mark.parametrize(
    ("day", "lang", "style", "expected"),
    [
        (dt.date(2027, 1, 15), "zh-TW", "roc", "中華民國一一六年一月十五日"),
        (dt.date(2026, 12, 31), "zh-TW", "roc", "中華民國一一五年十二月三十一日"),
        (dt.date(2027, 10, 1), "zh-TW", "western", "西元二〇二七年十月一日"),
        (None, "zh-TW", "roc", "中華民國　　　年　　月　　日"),
        (None, "zh-TW", "western", "西元　　　年　　月　　日"),
        (dt.date(2027, 2, 15), "en", "western", "Date of signing: 15 February 2027"),
        (None, "en", "roc", "Date of signing: ____________________"),
    ],
)
def test_closing_date_line(day: dt.date | None, lang: str, style: str, expected: str) -> None:
    assert closing_date(day, lang, style) == expected  # type: ignore[arg-type]


def test_font_table_entry_for_kai_and_unknown_fonts() -> None:
    kai = font_info("標楷體", east_asian=True)
    assert kai.alt_name == "DFKai-SB" and kai.charset == "88" and kai.panose
    english_name = font_info("DFKai-SB", east_asian=True)
    assert english_name.alt_name == "標楷體" and english_name.charset == "88"
    other = font_info("源樣明體", east_asian=True)
    assert other.charset == "88" and other.panose is None
    xml = font_table_xml(["Times New Roman", "Times New Roman"], ["標楷體"]).decode()
    assert xml.count('w:name="Times New Roman"') == 1 and 'w:name="標楷體"' in xml


def test_widths_make_room_for_the_widest_word() -> None:
    columns = [["KPI", "Net sales"], ["Period", "half-year"], ["If below threshold", "Improvement plan"]]
    widths = fit_widths([0.6, 0.05, 0.35], columns, 100.0, 3.5, 3.0)
    assert abs(sum(widths) - 100.0) < 1e-6
    for width, column in zip(widths, columns, strict=True):
        assert width >= widest_word_em(column) * 3.5 + 3.0
    # a CJK cell breaks between characters: one character is its widest word
    assert widest_word_em(["評估期間"]) == 1.0


@given(
    st.lists(st.floats(min_value=0.01, max_value=1.0), min_size=1, max_size=8),
    st.lists(st.text(alphabet="abcdefgMW 期間-", max_size=30), min_size=8, max_size=8),
)
def test_widths_always_fill_the_text_width(proportions: list[float], texts: list[str]) -> None:
    columns = [[t] for t in texts[: len(proportions)]]
    widths = fit_widths(proportions, columns, 160.0, 3.4, 2.9)
    assert len(widths) == len(proportions)
    assert abs(sum(widths) - 160.0) < 1e-6 and all(w > 0 for w in widths)
