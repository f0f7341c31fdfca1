"""The deal model: 統一編號, cross-field rules and located, all-at-once error reporting."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from agreementkit.cli import main
from agreementkit.deal.load import load_deal
from agreementkit.errors import InputError, ValidationFailed
from agreementkit.models.deal import tax_id_is_valid
from tests.conftest import BILINGUAL_ALLIANCE, EN_RESELLER, ZH_DISTRIBUTOR


@pytest.mark.parametrize("tax_id", ["04595257", "22099131", "12345675", "24549210", "84149961"])
def test_valid_tax_ids(tax_id: str) -> None:
    assert tax_id_is_valid(tax_id)


@pytest.mark.parametrize("tax_id", ["12345678", "1234567", "123456789", "ABCDEFGH", "24549211", ""])
def test_invalid_tax_ids(tax_id: str) -> None:
    assert not tax_id_is_valid(tax_id)


def test_seventh_digit_seven_accepts_either_sum() -> None:
    # 7 × 4 = 28 → 2 + 8 = 10, which may count as 1 or as 0; either total may pass.
    candidates = [f"{n:07d}"[:6] + "7" + str(d) for n in range(0, 200) for d in range(10)]
    valid = [c for c in candidates if tax_id_is_valid(c)]
    assert valid, "some ids with 7 in the seventh place must validate"


@pytest.mark.parametrize("path", [ZH_DISTRIBUTOR, EN_RESELLER, BILINGUAL_ALLIANCE])
def test_examples_validate(path: Path) -> None:
    deal = load_deal(path)
    assert deal.parties.supplier.name.get("zh-TW")
    if deal.kpis:
        assert sum(k.weight for k in deal.kpis) == Decimal(100)


def test_three_problems_reported_at_once_with_lines(example_copy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = example_copy(
        replace={
            'tax_id: "12345675"': 'tax_id: "12345678"',
            "  sub_partners_allowed: false\n": "  sub_partners_allowed: false\n  exclusive_bonus: yes\n",
            "    weight: 10\n": "    weight: 15\n",
        }
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["draft", str(bad), "-o", str(out)])
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith(str(bad))]
    assert len(lines) == 3, result.stderr
    text = "\n".join(lines)
    assert "parties.partner.tax_id" in text and "統一編號" in text
    assert "appointment.exclusive_bonus: unknown key" in text
    assert "kpis:" in text and "105" in text
    # each line is FILE:LINE: field: message, with the line of the offending key
    source = bad.read_text(encoding="utf-8").splitlines()
    for line in lines:
        number = int(line[len(str(bad)) + 1 :].split(":", 1)[0])
        assert 1 <= number <= len(source)
    tax_line = next(line for line in lines if "tax_id" in line)
    assert "12345678" in source[int(tax_line.split(":")[1]) - 1]
    assert "Traceback" not in result.output + result.stderr
    assert not out.exists()


def test_bilingual_needs_prevailing_language(example_copy) -> None:  # type: ignore[no-untyped-def]
    bad = example_copy(BILINGUAL_ALLIANCE, replace={"  prevailing_language: zh-TW\n": ""})
    with pytest.raises(ValidationFailed) as info:
        load_deal(bad)
    assert any("prevailing_language" in line for line in info.value.lines())


def test_notice_longer_than_term_is_located(example_copy) -> None:  # type: ignore[no-untyped-def]
    bad = example_copy(replace={"  convenience_notice_days: 180": "  convenience_notice_days: 900"})
    with pytest.raises(ValidationFailed) as info:
        load_deal(bad)
    (problem,) = info.value.problems
    assert problem.field == "exit.convenience_notice_days"
    assert (
        problem.line
        == bad.read_text(encoding="utf-8").splitlines().index("  convenience_notice_days: 900") + 1
    )


def test_tiers_must_ascend(example_copy) -> None:  # type: ignore[no-untyped-def]
    bad = example_copy(replace={"{threshold: 8000000, rate: 5}": "{threshold: 4000000, rate: 5}"})
    with pytest.raises(ValidationFailed) as info:
        load_deal(bad)
    assert "ascending" in info.value.lines()[0]


def test_missing_english_text_for_english_draft(example_copy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = example_copy(BILINGUAL_ALLIANCE, replace={"en: Joint deployments}": "}"})
    with pytest.raises(ValidationFailed) as info:
        load_deal(bad)
    assert any("kpis[0].name" in line for line in info.value.lines())


def test_yaml_syntax_error_names_line(tmp_path: Path) -> None:
    bad = tmp_path / "deal.yaml"
    bad.write_text("agreement:\n  type: distributor\n  language: [zh-TW\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_deal(bad)
    assert str(bad) in info.value.lines()[0]


def test_python_tags_are_not_constructed(tmp_path: Path) -> None:
    bad = tmp_path / "deal.yaml"
    bad.write_text("agreement: !!python/object/apply:os.system ['echo pwned']\n", encoding="utf-8")
    with pytest.raises(InputError):
        load_deal(bad)


def test_missing_file_is_a_clean_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["draft", str(tmp_path / "nope.yaml"), "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "no such deal file" in result.stderr


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_either_a_deal_or_a_clean_error(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "deal.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_deal(path)
    assert info.value.lines()


@pytest.mark.parametrize("value", ["2027-02-30", "2027-13-01", "2027-02-29", "0000-01-01"])
def test_impossible_date_is_a_field_error_with_its_line(example_copy, value: str) -> None:  # type: ignore[no-untyped-def]
    source = ZH_DISTRIBUTOR.read_text(encoding="utf-8")
    line_no, line = next((i, t) for i, t in enumerate(source.splitlines(), 1) if "effective_date:" in t)
    path = example_copy(replace={line: line.split(":")[0] + f": {value}"})
    for command in (["draft", str(path), "-o", str(path.parent / "out")], ["check", str(path)]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 2, result.output
        assert isinstance(result.exception, SystemExit)
        assert f"{path}:{line_no}: agreement.effective_date:" in result.output
    assert not (path.parent / "out").exists()


def test_impossible_date_in_fast_loader_stays_text(tmp_path: Path) -> None:
    from agreementkit.deal.yamlio import load_yaml

    target = tmp_path / "x.yaml"
    target.write_text("a: 2027-02-30\nb: 2027-02-28\n", encoding="utf-8")
    for with_lines in (True, False):
        data = load_yaml(target, with_lines=with_lines).data
        assert data["a"] == "2027-02-30"
        assert str(data["b"]) == "2027-02-28"
