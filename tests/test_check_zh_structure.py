"""Chinese headings in every numbering style, half- and full-width, and headings that are not provisions.

Two defects seen on real Chinese paper: headings such as "２．期限", "３、付款方式" or "（二）保密" were
not recognised (so neither the topic's heading rule nor the location worked), and a bare heading such
as "智慧財產權" made its topic present though the section under it provided nothing of the kind. The
contracts below were written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from agreementkit.check.readers import read_document
from agreementkit.check.readers.text import paragraphs_of
from agreementkit.check.structure import RawParagraph, build_blocks, parse_heading
from agreementkit.cli import main
from tests.helpers_check import check_topics


@pytest.mark.parametrize(
    ("text", "level", "label", "title", "style"),
    [
        ("第五条 期限", 1, "第五條", "期限", "zh_article"),
        ("第５條　期限", 1, "第5條", "期限", "zh_article"),
        ("第 12 条：保密", 1, "第12條", "保密", "zh_article"),
        ("【第三條 價格】", 1, "第三條", "價格", "zh_article"),
        ("第二章　总则", 1, "第二章", "总则", "zh_chapter"),
        ("第一節 付款", 1, "第一節", "付款", "zh_chapter"),
        ("貳、權利義務", 1, "貳", "權利義務", "zh_upper"),
        ("一、期限", 2, "一", "期限", "zh_item"),
        ("二．付款", 2, "二", "付款", "zh_item"),
        ("三.保密", 2, "三", "保密", "zh_item"),
        ("（二）保密", 2, "(二)", "保密", "zh_paren"),
        ("(三) 付款方式", 2, "(三)", "付款方式", "zh_paren"),
        ("２．期限", 1, "2", "期限", "zh_num"),
        ("3、付款方式", 1, "3", "付款方式", "zh_num"),
        ("３、付款方式", 1, "3", "付款方式", "zh_num"),
        ("4.违约责任", 1, "4", "违约责任", "zh_num"),
        ("5. 争议解决", 1, "5", "争议解决", "zh_num"),
        ("１０．装船发货", 1, "10", "装船发货", "zh_num"),
        ("1.1期限", 2, "1.1", "期限", "zh_sub"),
        ("１．２ 付款", 2, "1.2", "付款", "zh_sub"),
        ("2.3.1 通知", 2, "2.3.1", "通知", "zh_sub"),
        ("（1）付款", 2, "(1)", "付款", "zh_num_paren"),
        ("(2)交货", 2, "(2)", "交货", "zh_num_paren"),
    ],
)
def test_chinese_heading_styles(text: str, level: int, label: str, title: str, style: str) -> None:
    found = parse_heading(text)
    assert found is not None, text
    assert (found.level, found.label, found.title, found.inline, found.style) == (level, label, title, False, style)


def test_full_width_title_is_kept_as_written() -> None:
    found = parse_heading("３．ＯＥＭ產品")
    assert found is not None and found.title == "ＯＥＭ產品"


@pytest.mark.parametrize(
    "text",
    ["1.5倍的违约金由乙方承担", "2.5%的佣金按月结算", "10.", "１．２．３", "2、3個月內交貨", "2021年1月1日起生效",
     "(1) the Distributor shall", "3.5萬元整"],
)
def test_numbers_that_are_not_headings(text: str) -> None:
    found = parse_heading(text)
    assert found is None or found.style == "", (text, found)


def test_english_numbering_is_unchanged() -> None:
    assert parse_heading("5. Term") == parse_heading("5. Term")
    term = parse_heading("5. Term")
    assert term is not None and (term.level, term.label, term.title, term.style) == (1, "Section 5", "Term", "")
    sub = parse_heading("1.1 Definitions")
    assert sub is not None and (sub.level, sub.label, sub.style) == (2, "1.1", "")
    assert parse_heading("ARTICLE 5 TERM") is not None


def test_clause_text_after_a_number_is_inline_not_a_title() -> None:
    found = parse_heading("1、甲方应于每月五日前支付货款，逾期按日万分之五计付违约金。")
    assert found is not None and found.inline and found.title is None
    latin = parse_heading("3.1 在合同有效期內，乙方推廣AI旗艦店獲得相應佣金，並享受甲方提供之課程與各項支援服務。")
    assert latin is not None and latin.title is None  # upper-case Latin letters do not make it an all-caps title


def _locations(text: str) -> list[tuple[str | None, str | None, str | None, str]]:
    blocks = build_blocks(paragraphs_of(text), "zh-TW")
    return [(b.location.article, b.location.heading, b.location.clause, b.text) for b in blocks]


def test_articles_at_the_highest_numbering_used() -> None:
    text = "一、期限\n本合約有效期間一年。\n二、付款\n（一）乙方應於每月五日前付款。\n（二）逾期按日計息。\n"
    rows = _locations(text)
    assert rows[1][:2] == ("一", "期限")
    assert rows[3][:3] == ("二", "付款", "(一)")
    # with 第X條 articles, 一、 and 1. are clauses of the article
    text = "第一條 期限\n1.有效期\n本合約有效期間一年。\n第二條 付款\n一、乙方應於每月五日前付款。\n"
    rows = _locations(text)
    assert rows[2][:3] == ("第一條", "期限", "1")
    assert rows[4][:3] == ("第二條", "付款", "一")


def test_heading_line_is_not_joined_to_its_body() -> None:
    paragraphs = [p.text for p in paragraphs_of("２．期限\n交货日期从本合同签订之日起至2027年12月31日止。\n")]
    assert paragraphs == ["２．期限", "交货日期从本合同签订之日起至2027年12月31日止。"]
    # a wrapped sentence that merely starts with a number is still joined
    wrapped = [p.text for p in paragraphs_of("1、甲方应于每月五日前，\n支付上月货款。\n")]
    assert wrapped == ["1、甲方应于每月五日前，支付上月货款。"]
    # an English title-case heading line stands alone too, as if a blank line followed it
    assert [p.text for p in paragraphs_of("5. Term\nThis Agreement runs for two years.\n")] == [
        "5. Term", "This Agreement runs for two years."
    ]


@pytest.mark.parametrize(
    "text",
    [
        "7. Governing Law\nThis Agreement is governed by the laws of Taiwan.\n",
        "Section 9 Limitation of Liability\nNeither party is liable for lost profits.\n",
        "12. TERMINATION\nEither party may terminate on notice.\n",
    ],
)
def test_english_heading_line_stands_alone(text: str) -> None:
    heading, body = text.strip().split("\n")
    assert [p.text for p in paragraphs_of(text)] == [heading, body]


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("4. The Distributor shall buy\nten units a month.\n", "4. The Distributor shall buy ten units a month."),
        ("3. Assignment. Neither party may assign\nthis Agreement.\n", "3. Assignment. Neither party may assign this Agreement."),
        ("2. Payment, Invoices\nare due monthly.\n", "2. Payment, Invoices are due monthly."),
    ],
)  # fmt: skip
def test_english_sentence_starting_with_a_number_is_still_joined(text: str, joined: str) -> None:
    assert [p.text for p in paragraphs_of(text)] == [joined]


def test_english_text_reads_the_same_with_or_without_blank_lines_after_headings(tmp_path: Path) -> None:
    body = ["AGREEMENT", "1. Term", "The term is two years.", "2. Governing Law", "The laws of Taiwan govern."]
    tight, loose = tmp_path / "tight.txt", tmp_path / "loose.txt"
    tight.write_text(body[0] + "\n\n" + "\n".join(body[1:]) + "\n", encoding="utf-8")
    loose.write_text("\n\n".join(body) + "\n", encoding="utf-8")
    rows = [[(b.text, b.location.article, b.location.heading) for b in read_document(p).blocks] for p in (tight, loose)]
    assert rows[0] == rows[1]
    assert ("The laws of Taiwan govern.", "Section 2", "Governing Law") in rows[0]


def test_word_headings_still_decide() -> None:
    paras = [RawParagraph("期限", style_level=1), RawParagraph("１．本合約有效期間一年"),
             RawParagraph("付款", style_level=1), RawParagraph("２．乙方應於每月五日前付款"),
             RawParagraph("保密", style_level=1)]
    blocks = build_blocks(paras, "zh-TW")
    assert [b.location.heading for b in blocks] == ["期限", "期限", "付款", "付款", "保密"]


# A mainland sales contract numbered in full-width digits, written for this test
FULL_WIDTH = """销售合同

卖方：华澄贸易有限公司
买方：北辰商贸有限公司

１．商品名称
卖方按本合同的规定向买方提供附件所列商品。
２．期限
本合同自双方签字之日起至二〇二八年六月三十日止。
３、付款方式
买方应于收到发票后三十日内以银行转账方式支付货款。
（四）保密
双方对本合同内容及履行中知悉的对方商业秘密负有保密义务，未经对方书面同意不得向第三方披露。
５．适用法律
本合同适用中华人民共和国法律。
"""


def test_full_width_headings_locate_their_topics(tmp_path: Path) -> None:
    topics = check_topics(tmp_path, FULL_WIDTH)
    expiration = topics["expiration"]
    assert expiration["status"] == "present"
    assert expiration["evidence"][0]["quote"] == "２．期限"  # the heading, as written
    assert expiration["evidence"][0]["location"]["heading"] == "期限"
    payment = topics["payment_terms"]
    assert payment["status"] == "present"
    assert {e["location"]["heading"] for e in payment["evidence"]} == {"付款方式"}
    assert topics["confidentiality"]["status"] == "present"
    assert topics["governing_law"]["status"] == "present"


# Headings over sections that provide nothing of the kind, then the same headings over sections that do
HEADINGS_ONLY = """合作协议

甲方：云杉科技有限公司
乙方：青禾文化传播有限公司

一、合作内容
乙方在其门店推广甲方的产品，甲方按月向乙方支付推广服务费。
二、知识产权
双方在宣传资料中使用对方名称时，应保证内容真实，不得侵害任何第三方的商标权、著作权。
三、违约责任
任何一方违反本协议约定给对方造成损失的，应赔偿对方的实际损失。
四、竞业限制之解除
自本协议签订之日起，乙方可以自由推广其他品牌的产品。
五、争议解决
因本协议发生的争议，由甲方所在地人民法院管辖。
"""

HEADINGS_WITH_BODY = """合作协议

甲方：云杉科技有限公司
乙方：青禾文化传播有限公司

一、合作内容
乙方在其门店推广甲方的产品，甲方按月向乙方支付推广服务费。
二、知识产权
乙方为推广制作的全部宣传素材，其著作权由甲方享有。
三、违约责任
乙方连续两个月未按约定提交推广报告的，甲方有权书面通知解除本协议。
四、竞业限制
合作期间乙方不得在其门店推广与甲方产品相竞争的其他品牌产品。
五、争议解决
因本协议发生的争议，由甲方所在地人民法院管辖。
"""


LAYOUTS = [pytest.param(lambda t: t, id="line-after-line"), pytest.param(lambda t: t.replace("\n", "\n\n"), id="blank-lines")]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("topic", ["ip_ownership", "termination_for_cause", "non_compete"])
def test_heading_alone_does_not_make_a_topic_present(tmp_path: Path, topic: str, layout: Any) -> None:
    assert check_topics(tmp_path, layout(HEADINGS_ONLY))[topic]["status"] == "missing", topic


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    ("topic", "heading"),
    [("ip_ownership", "二、知识产权"), ("termination_for_cause", "三、违约责任"), ("non_compete", "四、竞业限制")],
)
def test_heading_with_supporting_body_makes_a_topic_present(tmp_path: Path, topic: str, heading: str, layout: Any) -> None:
    found = check_topics(tmp_path, layout(HEADINGS_WITH_BODY))[topic]
    assert found["status"] == "present", topic
    assert found["evidence"][0]["quote"] == heading  # the heading leads the evidence


def test_english_heading_alone_still_counts(tmp_path: Path) -> None:
    # English behaviour is unchanged: there the learned model reads the sentences (measured on CUAD)
    path = tmp_path / "en.txt"
    path.write_text("DISTRIBUTION AGREEMENT\n\n1. Confidentiality\n\nEach party keeps the other's information "
                    "secret.\n\n2. Governing Law\n\nThis Agreement is governed by the laws of England.\n",
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    topics = {t["id"]: t for t in json.loads(result.output)["topics"]}
    assert topics["governing_law"]["status"] == "present"
