"""Document facts are searched only near their keys; that finds exactly what a whole-text search finds.

Two promises make the windows exact: no fact pattern's match is longer than ``MAX_MATCH`` (read
off the compiled pattern's own width), and every match contains one of the fact's keys (tested
on sentences written for each alternative, and as a property over random documents built from them).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agreementkit.check import facts

_parser = pytest.importorskip("re._parser")


@pytest.mark.parametrize("fact", sorted(facts._PATTERNS))
def test_no_match_is_longer_than_the_window_reach(fact: str) -> None:
    pattern = facts._PATTERNS[fact]
    _low, high = _parser.parse(pattern.pattern, pattern.flags).getwidth()
    assert high <= facts.MAX_MATCH, f"{fact}: a match can be {high} characters"


# One sentence per alternative of each pattern, written for this test.
HITS = {
    "personal_data": ["乙方應保護個人資料。", "不得洩漏個資。", "客戶名單屬甲方所有。", "消費者資料應加密。",
                      "Personal data shall be protected.", "Customer lists are confidential.",
                      "End-user information stays with the Company.", "No personally identifiable records."],
    "franchise_like": ["加盟金為新臺幣十萬元。", "The Franchise Fee is due on signing.", "An initial fee of $5,000.",
                       "The Franchisor shall train staff.", "乙方得使用甲方之商標並採用甲方之營運系統。",
                       "授權使用品牌並提供經營技術。"],
    "cure_period": ["a thirty-day cure period applies", "fails to cure the breach", "if not remedied within 10 days",
                    "an Improvement Plan is due", "應限期改正。", "給予改善期。", "補正期為十日。"],
    "prevailing_language": ["以中文版本為準。", "The English text shall prevail.",
                            "the Chinese version controls in the event of conflict"],
    "resale_price": ["轉售價不得低於建議售價。", "不得以低於約定售價之價格銷售。",
                     "Distributor shall not resell the Products below the list price.",
                     "minimum advertised price policy", "resell them at the prices set by Supplier"],
    "agency": ["代辦商應依指示辦理。", "乙方以甲方名義簽約。", "acting in the name of the Supplier",
               "signing on behalf of the principal"],
}  # fmt: skip
NOISE = ["本合約自簽署日起生效。", "The parties agree as follows.", "Payment is due within 30 days.",
         "雙方同意下列條款。", "x" * 500, "price " * 80, "價" * 30, "sell. " * 40]  # fmt: skip


@pytest.mark.parametrize(("fact", "sentence"), [(f, s) for f, ss in HITS.items() for s in ss])
def test_each_alternative_is_found_and_holds_a_key(fact: str, sentence: str) -> None:
    pattern = facts._PATTERNS[fact]
    m = pattern.search(sentence)
    assert m, f"{fact} should match {sentence!r}"
    assert any(k in m.group(0).lower() for k in facts._KEYS[fact]), f"{fact}: no key in {m.group(0)!r}"
    padded = "填充文字。" * 300 + sentence + " filler." * 300
    found = facts.first_match(pattern, padded, padded.lower(), facts._KEYS[fact])
    expected = pattern.search(padded)
    assert found is not None and expected is not None and found.span() == expected.span()


_pieces = st.sampled_from([s for ss in HITS.values() for s in ss] + NOISE)


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(_pieces, max_size=12), fact=st.sampled_from(sorted(facts._PATTERNS)),
       sep=st.sampled_from(["\n", " ", ""]))  # fmt: skip
def test_windowed_search_equals_whole_text_search(parts: list[str], fact: str, sep: str) -> None:
    full = sep.join(parts)
    pattern = facts._PATTERNS[fact]
    found = facts.first_match(pattern, full, full.lower(), facts._KEYS[fact])
    expected = pattern.search(full)
    assert (found.span() if found else None) == (expected.span() if expected else None)


def test_text_whose_length_lower_casing_changes_is_searched_whole() -> None:
    full = "İ" * 10 + " shall not resell the goods below cost price"
    assert len(full.lower()) != len(full)
    m = facts.first_match(facts._PATTERNS["resale_price"], full, full.lower(), facts._KEYS["resale_price"])
    assert m is not None and re.search("resell", m.group(0))
