"""``draft --lang``: a language the deal lacks text for is refused, and the language clause matches the draft."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from agreementkit.cli import main
from agreementkit.deal.load import load_deal
from agreementkit.drafting.assemble import assemble
from agreementkit.errors import ValidationFailed
from agreementkit.library.loader import Library
from agreementkit.models.agreement import Agreement
from agreementkit.models.common import Text
from agreementkit.models.deal import Deal
from tests.conftest import BILINGUAL_ALLIANCE, EN_RESELLER, ZH_DISTRIBUTOR

LIB = Library.open()
MakeDeal = Callable[..., Path]
PROBLEM = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+): (?P<field>[\w.\[\]-]+): (?P<msg>.+)$", re.M)


def _draft(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["draft", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output + (result.stderr if result.stderr_bytes is not None else "")


def _problems(output: str) -> dict[str, tuple[int, str]]:
    return {m["field"]: (int(m["line"]), m["msg"]) for m in PROBLEM.finditer(output)}


def test_english_deal_drafted_in_chinese_is_refused_listing_every_field(tmp_path: Path) -> None:
    code, out = _draft([str(EN_RESELLER), "--lang", "zh-TW", "-o", str(tmp_path)])
    assert code == 2
    found = _problems(out)
    # the fields the issue saw leak into the Chinese draft, each with its line
    assert found["territory.regions[0]"] == (49, "no Chinese (zh-TW) text (add {zh-TW: …, en: …})")
    assert found["agreement.purpose"][0] == 11
    for field in ("territory.regions[2]", "parties.partner.address", "parties.supplier.name",
                  "agreement.signing_place", "dispute_resolution.arbitration.institution", "kpis[2].data_source"):
        assert field in found, field
    # every text of the deal is listed, not just the first
    assert len(found) == len(load_deal(EN_RESELLER).missing_texts(("zh-TW",)))
    assert list(tmp_path.iterdir()) == []


def test_chinese_deal_drafted_in_english_is_refused_listing_every_field(tmp_path: Path) -> None:
    code, out = _draft([str(ZH_DISTRIBUTOR), "--lang", "en", "-o", str(tmp_path)])
    assert code == 2
    found = _problems(out)
    assert found["agreement.signing_place"] == (11, "no English text (add {zh-TW: …, en: …})")
    assert "pricing.delivery_terms" in found  # "Chinese delivery terms"
    assert "parties.supplier.representative.name" in found
    assert "Traceback" not in out
    assert list(tmp_path.iterdir()) == []


def _english_alliance(example_copy: MakeDeal, **replace: str) -> Path:
    """The bilingual alliance declared English-only: every text still has both languages."""
    edits = {"  language: bilingual\n  prevailing_language: zh-TW\n": "  language: en\n", **replace}
    return example_copy(BILINGUAL_ALLIANCE, edits)


def test_name_in_one_language_only_is_the_same_problem(example_copy: MakeDeal, tmp_path: Path) -> None:
    deal = _english_alliance(
        example_copy,
        **{'name: {zh-TW: 恆岳系統整合股份有限公司, en: "Hengyue Systems Integration Co., Ltd."}':
           'name: {en: "Hengyue Systems Integration Co., Ltd."}'},
    )
    assert load_deal(deal).agreement.language == "en"  # valid as the English deal it declares
    for lang in ("zh-TW", "bilingual"):
        code, out = _draft([str(deal), "--lang", lang, "-o", str(tmp_path)])
        assert code == 2, out
        assert set(_problems(out)) == {"parties.partner.name"}
        assert f"{deal}:26: parties.partner.name: no Chinese (zh-TW) text" in out


def test_the_deals_own_check_refuses_chinese_in_an_english_deal(example_copy: MakeDeal) -> None:
    deal = example_copy(EN_RESELLER, {"signing_place: Taipei": "signing_place: 臺北市"})
    with pytest.raises(ValidationFailed) as caught:
        load_deal(deal)
    assert [(p.line, p.field, p.message) for p in caught.value.problems] == [
        (10, "agreement.signing_place", "no English text (add {zh-TW: …, en: …})")
    ]


def test_plain_strings_count_by_script_and_the_deals_languages() -> None:
    singapore, taipei = Text.model_validate("Singapore"), Text.model_validate("臺北市")
    assert singapore.plain and not Text.model_validate({"en": "Singapore"}).plain
    assert singapore.has("en", ("en",)) and not singapore.has("zh-TW", ("en",))
    assert singapore.has("zh-TW", ("zh-TW",))  # a Chinese deal may name a place in Latin letters
    assert not taipei.has("en", ("zh-TW",)) and taipei.has("zh-TW", ("en",))
    explicit = Text.model_validate({"zh-TW": "Singapore", "en": "Singapore"})
    assert explicit.has("zh-TW", ("en",))  # the fix the message suggests works


def _language_clause(agreement: Agreement) -> dict[str, str]:
    clause = next(c for c in agreement.clauses() if c.id == "language")
    return {lang: " ".join(b.text(lang) for b in clause.blocks) for lang in agreement.languages}  # type: ignore[union-attr]


def _deal(path: Path) -> Deal:
    return load_deal(path)


def test_one_language_draft_of_a_bilingual_deal_speaks_only_of_its_own_language() -> None:
    deal = _deal(BILINGUAL_ALLIANCE)  # Chinese prevails in the deal
    english = assemble(deal, LIB, ("en",))
    assert english.prevailing_language is None
    text = _language_clause(english)["en"]
    assert "made in English" in text and "Chinese" not in text
    chinese = _language_clause(assemble(deal, LIB, ("zh-TW",)))["zh-TW"]
    assert "本契約以中文作成" in chinese and "英文" not in chinese


def test_bilingual_draft_of_a_one_language_deal_lets_that_language_prevail(example_copy: MakeDeal) -> None:
    english_deal = _deal(_english_alliance(example_copy))
    agreement = assemble(english_deal, LIB, ("zh-TW", "en"))
    assert agreement.prevailing_language == "en"
    texts = _language_clause(agreement)
    assert "以英文文本為準" in texts["zh-TW"] and "the English version prevails" in texts["en"]
    chinese_deal = example_copy(BILINGUAL_ALLIANCE, {"  language: bilingual\n  prevailing_language: zh-TW\n":
                                                     "  language: zh-TW\n"}, name="zh.yaml")
    agreement = assemble(_deal(chinese_deal), LIB, ("zh-TW", "en"))
    assert agreement.prevailing_language == "zh-TW"
    assert "以中文文本為準" in _language_clause(agreement)["zh-TW"]


def test_chinese_draft_of_an_english_deal_with_both_texts(example_copy: MakeDeal, tmp_path: Path) -> None:
    deal = _english_alliance(example_copy)
    code, out = _draft([str(deal), "--lang", "zh-TW", "--format", "html", "-o", str(tmp_path)])
    assert code == 0, out
    html = (tmp_path / f"{deal.stem}.zh-TW.html").read_text(encoding="utf-8")
    assert "本契約以中文作成" in html
    assert "以英文文本為準" not in html
