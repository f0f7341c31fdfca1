"""The deal model: 統一編號, cross-field rules and located, all-at-once error reporting."""

from __future__ import annotations

import os
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


# --- hostile input (issue 11): the hardened loader, text checks, bounds, one round -------------

LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{n}: &{n} [" + ", ".join([f"*{p}"] * 9) + "]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True)
)


@pytest.mark.parametrize("with_lines", [True, False])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (LAUGHS, "aliases (*name) expand to more than"),
        ("a: " + "[" * 1000 + "]" * 1000 + "\n", "nested more than 40 levels"),
        ("".join("  " * i + f"k{i}:\n" for i in range(950)) + "  " * 950 + "v: 1\n", "nested more than 40"),
        ("a: &x\n  b: *x\n", "refers to the value that contains it"),
    ],
    ids=["billion-laughs", "deep-list", "deep-mapping", "alias-loop"],
)
def test_yaml_structure_limits(tmp_path: Path, text: str, expected: str, with_lines: bool) -> None:
    from agreementkit.deal.yamlio import load_yaml

    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_yaml(path, "playbook", with_lines=with_lines)
    assert expected in info.value.lines()[0]
    assert info.value.lines()[0].startswith(f"{path}:")


def test_a_few_aliases_still_work(tmp_path: Path) -> None:
    from agreementkit.deal.yamlio import load_yaml

    path = tmp_path / "doc.yaml"
    path.write_text("rep: &rep {name: 林志明, title: 總經理}\nsigner: *rep\nwitness: *rep\n", encoding="utf-8")
    data = load_yaml(path).data
    assert data["signer"] == data["witness"] == {"name": "林志明", "title": "總經理"}


def test_alias_bomb_in_a_library_clause_is_a_library_error(tmp_path: Path) -> None:
    from agreementkit.errors import LibraryError
    from agreementkit.library.loader import Library

    (tmp_path / "general").mkdir()
    (tmp_path / "general" / "amendment.yaml").write_text(LAUGHS, encoding="utf-8")
    with pytest.raises(LibraryError) as info:
        Library.open(tmp_path).clause("amendment")
    assert "aliases (*name) expand" in info.value.lines()[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_deal_path_that_is_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    from tests.helpers_cli import invoke, outcome_problem

    fifo = tmp_path / "deal.yaml"
    os.mkfifo(fifo)
    result = invoke(["draft", str(fifo), "-o", str(tmp_path / "out")], seconds=30)
    assert outcome_problem(result) is None
    assert result.exit_code == 2
    assert "not a regular file" in result.output
    assert not (tmp_path / "out").exists()


NAME_LINE = "    name: 晴川智能科技股份有限公司"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('"晴川\\x07智能"', "contains the control character U+0007"),
        ('"晴川\\x85智能"', "contains the control character U+0085"),
        ('"晴川\\uFFFF智能"', "U+FFFF, which is not a character"),
        ('"晴川\\U0010FFFE"', "U+10FFFE, which is not a character"),
        ('"晴川\\uDC00"', "U+DC00, half of a broken surrogate pair"),
        ('"晴川\\uE000ref\\uE001"', "U+E000, a character agreementkit uses internally"),
        ('"晴川\\uE003"', "U+E003, a character agreementkit uses internally"),
        ('"晴川\\uF8FF"', "U+F8FF, a private-use character"),
        ('"晴川\\u2066"', "bidirectional control U+2066"),
        ('"A' + "\\u0300" * 9 + '"', "more than 8 combining marks"),
        ("晴" * 301, "is 301 characters long; at most 300"),
    ],
)
def test_text_values_that_xml_or_print_cannot_carry(example_copy, value: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    path = example_copy(replace={NAME_LINE: f"    name: {value}"})
    with pytest.raises(ValidationFailed) as info:
        load_deal(path)
    (problem,) = info.value.problems
    assert problem.field == "parties.supplier.name"
    assert expected in problem.message
    assert problem.line == 16


def test_text_within_limits_is_kept(example_copy) -> None:  # type: ignore[no-untyped-def]
    path = example_copy(replace={NAME_LINE: '    name: "Ha\\u0300\\u0301 N 晴' + "川" * 290 + '"'})
    name = load_deal(path).parties.supplier.name.get("zh-TW")
    assert name.startswith("Ha\u0300\u0301 N 晴") and len(name) == 298


def test_short_fields_fold_to_one_line_and_free_text_keeps_breaks(example_copy) -> None:  # type: ignore[no-untyped-def]
    path = example_copy(
        replace={
            "    address: 臺北市內湖區瑞光路 321 號 8 樓": '    address: "  臺北市內湖區\\n\\t瑞光路 321 號 8 樓 "',
            "  purpose: 雙方": '  purpose: "第一段\\n第二段"\n  # was: 雙方',
        }
    )
    deal = load_deal(path)
    assert deal.parties.supplier.address.get("zh-TW") == "臺北市內湖區 瑞光路 321 號 8 樓"
    assert deal.agreement.purpose is not None and deal.agreement.purpose.get("zh-TW") == "第一段\n第二段"


def test_free_text_limit_is_2000(example_copy) -> None:  # type: ignore[no-untyped-def]
    path = example_copy(replace={"  purpose: 雙方": "  purpose: " + "長" * 2001 + "雙方"})
    with pytest.raises(ValidationFailed) as info:
        load_deal(path)
    assert "at most 2000" in info.value.problems[0].message


@pytest.mark.parametrize("digits", ["２４５４９２１０", "٢٤٥٤٩٢١٠", "۲۴۵۴۹۲۱۰", "２4549210"])
def test_tax_id_in_other_digits_is_normalised(example_copy, digits: str) -> None:  # type: ignore[no-untyped-def]
    path = example_copy(replace={'tax_id: "24549210"': f'tax_id: "{digits}"'})
    assert load_deal(path).parties.supplier.tax_id == "24549210"


@pytest.mark.parametrize(
    ("digits", "expected"),
    [("２４５４９２１１", "is not valid"), ("٢٤٥٤９２１０", "mixes digits"), ("２４５４９２１Ｘ", "mixes digits")],
)
def test_tax_id_in_other_digits_still_checked(example_copy, digits: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    path = example_copy(replace={'tax_id: "24549210"': f'tax_id: "{digits}"'})
    with pytest.raises(ValidationFailed) as info:
        load_deal(path)
    (problem,) = info.value.problems
    assert problem.field == "parties.supplier.tax_id" and expected in problem.message


def test_other_numbers_in_full_width_digits_are_refused(example_copy) -> None:  # type: ignore[no-untyped-def]
    path = example_copy(replace={"    weight: 40": '    weight: "４０"'})
    with pytest.raises(ValidationFailed) as info:
        load_deal(path)
    (problem,) = info.value.problems
    assert problem.field == "kpis[0].weight" and "non-ASCII digits" in problem.message


@pytest.mark.parametrize(
    ("old", "new", "field", "expected"),
    [
        ("    target: 3500000", "    target: 1e308", "kpis[0].target", "too large"),
        ("    target: 3500000", '    target: "1e308"', "kpis[0].target", "too large"),
        ("    target: 3500000", "    target: 1e-30", "kpis[0].target", "more than 6 decimal places"),
        ("    list_price: 48000", "    list_price: " + "9" * 5000, "products[0].list_price", "5000 characters"),
        ("    list_price: 48000", "    list_price: .nan", "products[0].list_price", "not a finite number"),
        ("  discount_percent: 30", "  discount_percent: 1e-999999999", "pricing.discount_percent", "decimal places"),
        ("  effective_date: 2027-01-01", "  effective_date: 9999-01-01", "agreement.effective_date", "9999"),
        ("  effective_date: 2027-01-01", '  effective_date: "9999-01-01"', "agreement.effective_date", "9999"),
    ],
)
def test_numbers_and_dates_bounded_at_parse_time(  # type: ignore[no-untyped-def]
    example_copy, old: str, new: str, field: str, expected: str
) -> None:
    path = example_copy(replace={old: new})
    with pytest.raises(ValidationFailed) as info:
        load_deal(path)
    (problem,) = info.value.problems  # one problem: no rule ran on the refused value
    assert problem.field == field and expected in problem.message


def test_numbers_keep_their_written_value(example_copy) -> None:  # type: ignore[no-untyped-def]
    path = example_copy(replace={"    list_price: 48000": "    list_price: 4.8e4", "    target: 4.5": "    target: 4.50"})
    deal = load_deal(path)
    assert str(deal.products[0].list_price) == "48000"
    assert deal.kpis[2].target == Decimal("4.5")


def test_comma_in_unquoted_flow_value_says_to_quote(example_copy) -> None:  # type: ignore[no-untyped-def]
    path = example_copy(replace={NAME_LINE: "    name: {zh-TW: 甲公司, en: Acme Co., Ltd.}"})
    with pytest.raises(ValidationFailed) as info:
        load_deal(path)
    (problem,) = info.value.problems
    assert problem.field == "parties.supplier.name.en"
    assert 'put the value in quotes: en: "Acme Co., Ltd."' in problem.message


def test_fields_weights_and_translations_reported_in_one_round(example_copy) -> None:  # type: ignore[no-untyped-def]
    source = BILINGUAL_ALLIANCE.read_text(encoding="utf-8")
    assert "    weight: 50" in source
    path = example_copy(
        BILINGUAL_ALLIANCE,
        replace={"en: Joint deployments}": "}", "    unit: count\n": "    unit: countX\n", "    weight: 50": "    weight: 55"},
    )
    with pytest.raises(ValidationFailed) as info:
        load_deal(path)
    by_field = {p.field: p.message for p in info.value.problems}
    assert "weights add up to" in by_field["kpis"]
    assert "no English text" in by_field["kpis[0].name"]
    assert "must be one of" in by_field["kpis[0].unit"]


def test_rules_never_judge_an_invalid_value(example_copy) -> None:  # type: ignore[no-untyped-def]
    # basis is invalid: the "basis needs discount_percent" rule must not run on a default basis,
    # and the notice-vs-term rules must not run on an invalid term
    path = example_copy(
        replace={
            "  basis: discount_off_list": "  basis: bogus",
            "  discount_percent: 30\n": "",
            "  initial_months: 24": "  initial_months: many",
        }
    )
    with pytest.raises(ValidationFailed) as info:
        load_deal(path)
    assert sorted(p.field or "" for p in info.value.problems) == ["pricing.basis", "term.initial_months"]


def test_keys_with_control_characters_are_printed_escaped(example_copy) -> None:  # type: ignore[no-untyped-def]
    path = example_copy(
        replace={"  sub_partners_allowed: false\n": '  sub_partners_allowed: false\n  "x\\e[2J": 1\n'}
    )
    with pytest.raises(ValidationFailed) as info:
        load_deal(path)
    text = "\n".join(info.value.lines())
    assert "\x1b" not in text and "x\\u001b[2J" in text


def test_json_schema_states_the_limits_validation_applies() -> None:
    import json

    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    defs = schema["$defs"]
    plain, mapping = defs["Text"]["anyOf"]
    assert plain == {"type": "string", "minLength": 1, "maxLength": 2000}  # a plain string is a Text
    assert set(mapping["properties"]) == {"zh-TW", "en"}
    assert schema["properties"]["products"]["maxItems"] == 500
    phone = defs["Person"]["properties"]["phone"]["anyOf"][0]
    assert phone["maxLength"] == 40  # the model's own limit is kept
    tax_id = defs["Party"]["properties"]["tax_id"]["anyOf"][0]
    assert tax_id["maxLength"] == 300
    assert defs["AgreementInfo"]["properties"]["effective_date"].get("maxLength") is None
