"""The classifier on small English and Traditional-Chinese snippets, and on real CUAD contracts."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agreementkit.check.classify import classify
from agreementkit.check.model import Block, Location
from agreementkit.check.patterns import (
    LONG_BLOCK,
    Sentences,
    compiled_topics,
    key_windows,
    lower_pattern,
    scan,
)
from agreementkit.check.readers import read_document
from agreementkit.check.structure import detect_language, join_lines, parse_heading
from agreementkit.check.topics import TOPIC_BY_ID
from agreementkit.check.vocab import KEYS, VOCAB

CUAD = Path(__file__).resolve().parents[2] / "shared" / "bench" / "cuad-dev"


def blocks(*texts: str) -> list[Block]:
    return [Block(t, Location(i)) for i, t in enumerate(texts)]


EN_CASES = {
    "governing_law": "This Agreement shall be governed by and construed in accordance with the laws of the State of New York.",
    "anti_assignment": "Neither party may assign this Agreement without the prior written consent of the other party.",
    "exclusivity": "Supplier hereby appoints Distributor as its exclusive distributor of the Products in the Territory.",
    "renewal": "Thereafter, this Agreement shall automatically renew for successive one (1) year terms.",
    "renewal_notice": "This Agreement shall automatically renew for successive one-year terms unless either party "
    "gives written notice of non-renewal at least sixty (60) days prior to the end of the then-current term.",
    "audit_rights": "Supplier shall have the right, upon reasonable notice, to audit the books and records of Reseller.",
    "liability_cap": "IN NO EVENT SHALL EITHER PARTY'S AGGREGATE LIABILITY EXCEED THE FEES PAID HEREUNDER.",
    "insurance": "Distributor shall maintain product liability insurance with limits of at least $1,000,000.",
    "non_solicit": "During the Term, neither party shall solicit for employment any employee of the other party.",
    "termination_for_convenience": "Either party may terminate this Agreement for any reason upon ninety (90) days "
    "prior written notice.",
    "rofr": "Company shall have a right of first refusal to purchase the shares on the same terms.",
    "most_favored_nation": "Supplier agrees that the prices charged to Buyer shall be no less favorable than "
    "those charged to any other customer.",
    "revenue_sharing": "Licensee shall pay Licensor a royalty of five percent (5%) of Net Sales.",
    "force_majeure": "Neither party shall be liable for delays caused by force majeure.",
}

ZH_CASES = {
    "governing_law": "本契約之解釋及適用，以中華民國法律為準據法。",
    "anti_assignment": "未經他方書面同意，任一方不得將本契約之權利義務讓與第三人。",
    "exclusivity": "甲方指定乙方為本產品於約定區域內之獨家經銷商。",
    "renewal": "本契約期滿前雙方均未以書面表示不續約者，本契約自動延展一年。",
    "renewal_notice": "任一方如不欲續約，應於期滿三個月前以書面通知他方不續約之意思。",
    "audit_rights": "甲方得於營業時間內派員查核乙方與本產品有關之帳冊及紀錄。",
    "liability_cap": "任一方依本契約所負之損害賠償責任總額，以前十二個月已付價金為上限。",
    "confidentiality": "雙方對於因本契約知悉之他方機密資訊，應負保密義務。",
    "data_protection": "乙方蒐集、處理及利用客戶個人資料，應遵守個人資料保護法。",
    "revenue_sharing": "甲方應依乙方每季淨銷售額按附表所定比率給付回饋金。",
    "kpi_termination": "乙方連續二季未達第八條所定績效指標者，甲方得以書面終止本契約。",
    "dispute_resolution": "因本契約所生之爭議，雙方同意提付中華民國仲裁協會仲裁。",
    "non_compete": "乙方於本契約有效期間內，不得經銷與本產品相同或類似之競爭產品。",
    "liquidated_damages": "乙方違反前項約定者，應給付甲方懲罰性違約金新臺幣五十萬元。",
}


@pytest.mark.parametrize("topic_id", sorted(EN_CASES))
def test_english_snippets(topic_id: str) -> None:
    assert topic_id in classify(blocks("AGREEMENT", EN_CASES[topic_id]))


@pytest.mark.parametrize("topic_id", sorted(ZH_CASES))
def test_chinese_snippets(topic_id: str) -> None:
    found = classify(blocks("經銷合約書", ZH_CASES[topic_id]))
    assert topic_id in found
    ev = found[topic_id][0]
    assert ev.quote and ev.location.paragraph == 1


def test_negatives_are_not_found() -> None:
    found = classify(blocks(
        "Supplier appoints Reseller as a non-exclusive reseller.",
        "The courts of Delaware shall have exclusive jurisdiction.",
        "All remedies are cumulative and not exclusive of any other remedies.",
    ))
    assert "exclusivity" not in found
    zh = classify(blocks("甲方授權乙方為非獨家經銷商。", "雙方同意以臺灣臺北地方法院為第一審專屬管轄法院。"))
    assert "exclusivity" not in zh


def test_heading_counts_as_evidence() -> None:
    doc = [Block("Insurance", Location(0, "Article 9", "Insurance"), is_heading=True), Block("Text.", Location(1))]
    found = classify(doc)
    assert found["insurance"][0].location.article == "Article 9"


def test_every_topic_has_vocabulary_and_names() -> None:
    assert set(VOCAB) == set(TOPIC_BY_ID)
    for topic in TOPIC_BY_ID.values():
        assert topic.zh and topic.en
    for rule in compiled_topics():
        assert rule.zh is not None or rule.heading is not None, rule.id
        if rule.en is not None:
            assert KEYS.get(rule.id), f"{rule.id} needs pre-filter keys"


def test_lower_pattern_keeps_escapes() -> None:
    assert lower_pattern(r"\bKPI\S") == r"\bkpi\S"


def test_structure_helpers() -> None:
    assert join_lines(["本契約由甲", "方與乙方簽訂", "of the", "Agreement"]) == "本契約由甲方與乙方簽訂of the Agreement"
    assert join_lines(["termi-", "nation of the"]) == "termination of the"
    assert detect_language("第一條　定義\n本契約所稱產品") == "zh-TW"
    assert detect_language("ARTICLE 1 DEFINITIONS") == "en"
    heading = parse_heading("第十二條　終止")
    assert heading is not None and heading.label == "第十二條" and heading.title == "終止"
    heading = parse_heading("12.3 Termination for Convenience. Either party may terminate")
    assert heading is not None and heading.label == "12.3" and heading.inline


def _cuad_files(n: int) -> list[tuple[Path, dict[str, dict[str, object]]]]:
    rows = [json.loads(line) for line in (CUAD / "labels.jsonl").read_text(encoding="utf-8").splitlines()[:n]]
    return [(CUAD / "contracts" / r["file"], r["labels"]) for r in rows]


@pytest.mark.skipif(not CUAD.is_dir(), reason="shared/bench/cuad-dev not present")
def test_key_prefilter_never_hides_a_match() -> None:
    for path, _ in _cuad_files(6):
        doc = read_document(path)
        assert set(classify(doc.blocks)) == set(classify(doc.blocks, use_keys=False)), path.name


@pytest.mark.skipif(not CUAD.is_dir(), reason="shared/bench/cuad-dev not present")
def test_cuad_contracts_governing_law_found_with_evidence() -> None:
    for path, labels in _cuad_files(4):
        found = classify(read_document(path).blocks)
        if labels["Governing Law"]["present"]:
            assert "governing_law" in found, path.name
            assert found["governing_law"][0].quote


# long enough for the text to be read as Chinese (short snippets are not)
ZH_PREAMBLE = "立契約書人甲方與乙方，茲就雙方合作事宜，經協商同意訂定本契約，條款如下："


@pytest.mark.parametrize(
    ("text", "topic_id"),
    [
        ("本合約不設最低進貨數量或最低進貨金額，乙方得依實際需求訂購。", "minimum_commitment"),
        ("任一方違反本合約者，他方得依法請求損害賠償，本合約不另約定違約金。", "liquidated_damages"),
        ("本協議不限制任何一方與第三人合作，亦不構成任何一方對他方之獨家承諾。", "exclusivity"),
        ("經銷商不得對外表示其為供應商之獨家代理商。", "exclusivity"),
        ("價目表所列之建議售價僅供參考，乙方不受其拘束。", "price_restriction"),
        ("原合約第八條關於違約金之約定，自本補充協議生效日起刪除。", "liquidated_damages"),
        ("本產品之標示應依商品標示法辦理。", "governing_law"),
        ("保固期間屆滿後，客戶得付費購買延長保固服務。", "renewal"),
        ("本協議期間屆滿前，雙方得另行協議續約。", "renewal"),
        ("乙方不得以行賄或其他不正當方法招攬客戶。", "non_solicit"),
        ("乙方非經甲方同意，不得將本契約之權利義務讓與第三人。", "ip_ownership"),
        ("乙方股權過半數移轉者，甲方得於知悉後三十日內以書面通知終止本契約。", "termination_for_convenience"),
    ],
)
def test_chinese_near_misses_are_not_topics(text: str, topic_id: str) -> None:
    assert topic_id not in classify(blocks(ZH_PREAMBLE, text))


@pytest.mark.parametrize(
    ("text", "topic_id"),
    [
        ("任一方不得主動招攬或僱用他方參與本計畫之研發人員。", "non_solicit"),
        ("乙方不能用低於甲方建議售價的價格賣給客人。", "price_restriction"),
        ("門市售價應依甲方統一公告之價目表辦理。", "price_restriction"),
        ("甲方不得於本門市半徑五百公尺內自行開設或授權他人開設同品牌門市。", "exclusivity"),
        ("本公司委任貴公司為本公司產品於代理區域內之銷售代理人。", "appointment"),
        ("甲方為本活動製作之宣傳素材，其著作財產權歸甲方所有。", "ip_ownership"),
        ("乙方之股權或經營權發生變動者，應於十日內通知甲方，甲方得終止本契約。", "change_of_control"),
    ],
)
def test_chinese_wordings_found(text: str, topic_id: str) -> None:
    assert topic_id in classify(blocks(ZH_PREAMBLE, text))


@pytest.mark.parametrize(
    ("text", "label", "title"),
    [("玖、終止後之處理", "玖", "終止後之處理"), ("肆、業績目標及檢討", "肆", "業績目標及檢討"), ("【第六條　價格】", "第六條", "價格")],
)
def test_taiwanese_article_numbering(text: str, label: str, title: str) -> None:
    found = parse_heading(text)
    assert found is not None and found.level == 1
    assert (found.label, found.title) == (label, title)


@pytest.mark.parametrize(
    ("text", "topic_id"),
    [
        ("貴公司於任一協議年度之業績目標達成率未達百分之六十者，本公司得以書面通知終止本協議書。", "kpi_termination"),
        ("本門市連續二季之營運評核不合格，經輔導仍未改善者，甲方得以書面通知乙方終止本契約。", "kpi_termination"),
        ("受託人應達成下列服務水準指標，並以每一曆月為計算期間，按月提出報告。", "kpi_targets"),
        ("雙方應於每季結束後十五日內召開服務績效評核會議，檢討前季之指標達成情形。", "performance_review"),
        ("貴公司應於終止或期間屆滿後三十日內，返還本公司提供之型錄、樣品及展示機。", "post_termination"),
    ],
)
def test_chinese_kpi_review_and_exit_wordings(text: str, topic_id: str) -> None:
    assert topic_id in classify(blocks(ZH_PREAMBLE, text))


def test_parenthesised_article_title_before_body_text() -> None:
    found = parse_heading("第十一條（督導及稽核）甲方之督導人員得於營業時間內進入本門市檢查帳冊。")
    assert found is not None and (found.label, found.title, found.inline) == ("第十一條", "督導及稽核", True)


@pytest.mark.parametrize(
    ("text", "topic_id", "present"),
    [
        ("委託方所需之本產品全部數量，均應向代工方採購，不得委託第三人製造相同產品。", "exclusivity", True),
        ("他方於三十日內得以同一條件優先承購該應有部分。", "rofr", True),
        ("經銷商單月訂購數量合計超過五百台時，供應商得決定分批出貨。", "volume_restriction", True),
        ("本合約有效期間內，乙方應維持充足之庫存以供應客戶需求。", "expiration", False),
        ("「合約年度」指自本合約生效日起每滿十二個月之期間。", "expiration", False),
        ("甲方得於接獲通知後六十日內，以書面通知乙方終止本合約。", "termination_for_convenience", False),
    ],
)
def test_more_chinese_wordings(text: str, topic_id: str, present: bool) -> None:
    assert (topic_id in classify(blocks(ZH_PREAMBLE, text))) is present


def _match_sets(
    blocks: list[Block], use_keys: bool
) -> tuple[dict[str, list[tuple[int, int, int]]], dict[str, int]]:
    found = scan(blocks, use_keys=use_keys)
    matches = {t: sorted((m.block, m.start, m.end) for m in ms) for t, ms in found.matches.items()}
    return matches, {t: len(ms) for t, ms in found.excluded.items()}


# Sentences written for this test, each holding a provision the patterns know, some with words an
# exclude pattern reacts to; joined without a single line break they make one long paragraph.
_LONG_SENTENCES = (
    "Supplier appoints Distributor as its exclusive distributor of the Products in the Territory.",
    "Distributor will not appoint any other agent for the Products during the Term.",
    "This Agreement shall be governed by the laws of the State of New York.",
    "Either party may terminate this Agreement for convenience upon ninety (90) days' prior written notice.",
    "Neither party may assign this Agreement without the prior written consent of the other party.",
    "In no event shall either party's aggregate liability exceed the fees paid in the preceding twelve months.",
    "Supplier may, once a year, audit the books and records of Distributor relating to the Products.",
    "The parties submit to the exclusive jurisdiction of the courts of Singapore.",
    "Distributor shall purchase a minimum of 1,000 units in each calendar quarter.",
    "This Agreement renews automatically for successive one-year terms unless either party gives notice.",
)


def test_long_paragraph_windows_find_what_a_full_search_finds() -> None:
    # Past LONG_BLOCK characters a paragraph is searched only near its keys; that must not hide a match.
    text = " ".join(_LONG_SENTENCES[i % len(_LONG_SENTENCES)] for i in range(7 * len(_LONG_SENTENCES)))
    assert len(text) > 2 * LONG_BLOCK
    blocks = [Block(text, Location(paragraph=1))]
    windowed, full = _match_sets(blocks, True), _match_sets(blocks, False)
    assert windowed == full
    assert {"governing_law", "anti_assignment", "audit_rights", "exclusivity"} <= set(windowed[0])


def test_key_windows_are_merged_sentence_spans() -> None:
    text = "One clause. The distributor is exclusive here. Two clause. Three clause. Exclusive again. End."
    lowered = text.lower()
    windows = key_windows(lowered, ("exclusiv",), Sentences(lowered))
    assert windows == sorted(windows)
    assert all(a[1] < b[0] for a, b in itertools.pairwise(windows))
    covered = "".join(lowered[lo:hi] for lo, hi in windows)
    assert "one clause." in covered and "two clause." in covered and "exclusive again." in covered
    assert lowered.count("exclusiv") == covered.count("exclusiv")


@pytest.mark.skipif(not CUAD.is_dir(), reason="shared/bench/cuad-dev not present")
def test_key_prefilter_never_hides_a_match_in_text_without_breaks() -> None:
    text = " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p, _ in _cuad_files(3))
    blocks = [Block(text, Location(paragraph=1))]
    assert _match_sets(blocks, True) == _match_sets(blocks, False)


_FILLER = (
    "The parties met in Taipei",
    "Distributor keeps records",
    "see Section 4.2 (a)",
    "U.S. dollars apply",
    "no other agent",
    "exclusive",
    "will not",
)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_LONG_SENTENCES + _FILLER),
            st.sampled_from((" ", ". ", "; ", ", ", " (i) ", " (ii) ")),
        ),
        min_size=60,
        max_size=160,
    )
)
def test_windowed_search_equals_full_search_on_any_long_paragraph(parts: list[tuple[str, str]]) -> None:
    # Sentences and fragments in any order, joined by any separator (including none at all).
    text = "".join(sentence + sep for sentence, sep in parts)
    blocks = [Block(text, Location(paragraph=1))]
    assert _match_sets(blocks, True) == _match_sets(blocks, False)
