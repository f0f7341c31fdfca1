"""A YAML comment that cuts a value short (``30 Raffles Place, #17-01``) is reported by draft and check."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from agreementkit.cli import main
from agreementkit.deal.comments import cut_values, cut_values_in_text
from agreementkit.deal.load import load_deal
from tests.conftest import EN_RESELLER

QUOTED = 'address: "30 Raffles Place, #17-01, Singapore 048622"'
UNQUOTED = "address: 30 Raffles Place, #17-01, Singapore 048622"


def test_the_example_keeps_its_whole_address() -> None:
    assert str(load_deal(EN_RESELLER).parties.partner.address) == "30 Raffles Place, #17-01, Singapore 048622"
    assert cut_values(EN_RESELLER) == []


def test_a_cut_address_is_a_warning_in_draft_and_check(example_copy: Callable[..., Path], tmp_path: Path) -> None:
    deal = example_copy(EN_RESELLER, {QUOTED: UNQUOTED})
    assert str(load_deal(deal).parties.partner.address) == "30 Raffles Place,"  # what YAML made of it
    runner = CliRunner()
    drafted = runner.invoke(main, ["draft", str(deal), "-o", str(tmp_path), "--format", "html"])
    assert drafted.exit_code == 0
    assert f"{deal}:32: parties.partner.address: warning [yaml-comment-cut]" in drafted.stderr
    assert '"30 Raffles Place, #17-01, Singapore 048622"' in drafted.stderr  # the value to write instead
    checked = runner.invoke(main, ["check", str(deal), "--format", "json"])
    findings = [f for f in json.loads(checked.stdout)["findings"] if f["rule"] == "yaml-comment-cut"]
    assert [f["evidence"][0]["location"] for f in findings] == [{"paragraph": 1, "field": "parties.partner.address",
                                                                 "line": 32}]
    strict = runner.invoke(main, ["draft", str(deal), "-o", str(tmp_path / "s"), "--strict"])
    assert strict.exit_code == 1 and not (tmp_path / "s").exists()


def test_ordinary_comments_are_left_alone() -> None:
    text = (
        "agreement:\n"
        "  language: en  # or zh-TW\n"
        "  note: 'Unit #4 stays'\n"
        '  other: "a, #5"\n'
        "  purpose: >-\n"
        "    text # not a comment inside a block scalar\n"
        "  regions:\n"
        "    - Taipei # a note\n"
        "    - Shop #5\n"
        "  name: Lot No. #12  # which lot\n"
    )
    found = [(p.line, p.field) for p in cut_values_in_text(text, "f.yaml")]
    assert found == [(9, "agreement.regions[1]"), (10, "agreement.name")]


def test_invalid_yaml_is_left_to_the_loader() -> None:
    assert cut_values_in_text("a: [b, c #d]\n", "f.yaml") == []


def test_aliases_are_read_once() -> None:
    text = "base: &b\n  name: Shop #5\nother: *b\nself: &s\n  loop: *s\n"
    assert [(p.line, p.field) for p in cut_values_in_text(text, "f.yaml")] == [(2, "base.name")]


def test_cut_values_only_where_a_comment_follows_a_value_on_its_line() -> None:
    assert cut_values_in_text("# a whole-line comment\nname: Acme #1 Ltd\n", "deal.yaml")
    assert cut_values_in_text("# only whole-line comments\nname: Acme\n#note: x\n", "deal.yaml") == []
    assert cut_values_in_text('name: "Acme #1 Ltd"\n', "deal.yaml") == []  # quoted: nothing cut
    problems = cut_values_in_text("parties:\n  address: 30 Raffles Place, #17-01\n", "deal.yaml")
    assert [(p.line, p.field) for p in problems] == [(2, "parties.address")]
