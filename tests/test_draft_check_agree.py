"""What ``draft`` accepts, ``check`` passes — or ``draft`` prints the very finding ``check`` reports."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from agreementkit.check.playbook import load_playbook
from agreementkit.cli import main
from agreementkit.library.loader import Library
from tests.conftest import BILINGUAL_ALLIANCE, EN_RESELLER, ZH_DISTRIBUTOR

LIB = Library.open()
TYPES = ["distributor", "reseller", "referral", "agency", "strategic_alliance"]
# Topics the cover page and the deal itself supply, whatever the outline holds.
COVER_TOPICS = {"parties", "signatures", "renewal_notice", "exclusivity"}
MakeDeal = Callable[..., Path]


def _draftable(agreement_type: str) -> set[str]:
    outline = LIB.outline(agreement_type)
    ids = [*outline.preamble, *(cid for article in outline.articles for cid in article.clauses)]
    clauses = [LIB.clause(cid) for cid in ids]
    return COVER_TOPICS | {c.topic for c in clauses if c.applies_to is None or agreement_type in c.applies_to}


@pytest.mark.parametrize("agreement_type", TYPES)
def test_playbook_asks_only_for_what_the_outline_can_draft(agreement_type: str) -> None:
    book = load_playbook(agreement_type, None, LIB.playbook_paths)
    draftable = _draftable(agreement_type)
    assert [t for t in book.required if t not in draftable] == []
    assert [t for t in book.recommended if t not in draftable] == []
    for rule in book.rules:
        assert [t for t in rule.require_all if t not in draftable] == [], rule.id
        if rule.require_any:
            assert any(t in draftable for t in rule.require_any), rule.id


def _as_type(example_copy: MakeDeal, source: Path, agreement_type: str) -> Path:
    text = source.read_text(encoding="utf-8")
    current = re.search(r"^  type: (\w+)$", text, re.M)
    assert current is not None
    return example_copy(source, {current.group(0): f"  type: {agreement_type}"}, name=f"{agreement_type}.yaml")


def _check(path: Path) -> tuple[int, list[tuple[str, str, str]], dict[str, bool]]:
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    data = json.loads(result.stdout)
    findings = [(f["severity"], f["rule"], f["message"]) for f in data["findings"] if f["severity"] != "info"]
    return result.exit_code, findings, {t["id"]: t["status"] == "present" for t in data["topics"]}


def _drafted_findings(stderr: str, deal: Path) -> list[tuple[str, str, str]]:
    found = []
    for line in stderr.splitlines():
        m = re.match(rf"^{re.escape(str(deal))}(?::\d+)?: (?:[\w.\[\]]+: )?(blocker|warning) \[([\w-]+)\] (.+)$", line)
        if m:
            found.append((m[1], m[2], m[3]))
    return found


@pytest.mark.parametrize("source", [ZH_DISTRIBUTOR, EN_RESELLER, BILINGUAL_ALLIANCE], ids=["zh", "en", "bilingual"])
@pytest.mark.parametrize("agreement_type", TYPES)
def test_draft_prints_what_check_reports(
    example_copy: MakeDeal, tmp_path: Path, source: Path, agreement_type: str
) -> None:
    deal = _as_type(example_copy, source, agreement_type)
    drafted = CliRunner().invoke(main, ["draft", str(deal), "-o", str(tmp_path / "out"), "--format", "html"])
    assert drafted.exit_code == 0, drafted.output
    code, findings, _topics = _check(deal)
    assert sorted(_drafted_findings(drafted.stderr, deal)) == sorted(findings)
    # the examples are sound deals: check on them passes for every type they can be drafted as
    assert code == 0, findings


def test_referral_deal_drafts_and_checks_clean(example_copy: MakeDeal, tmp_path: Path) -> None:
    # the repro: draft exit 0 while check blocked on payment terms the outline never drafts
    deal = _as_type(example_copy, ZH_DISTRIBUTOR, "referral")
    code, findings, topics = _check(deal)
    assert code == 0 and not [f for f in findings if f[0] == "blocker"]
    assert topics["revenue_sharing"] and topics["partner_obligations"]
    drafted = CliRunner().invoke(main, ["draft", str(deal), "-o", str(tmp_path), "--strict"])
    assert drafted.exit_code == 0, drafted.stderr
    docx_code, docx_findings, docx_topics = _check(tmp_path / "referral.docx")
    assert docx_code == 0, docx_findings
    assert {t for t, present in docx_topics.items() if present} == {t for t, present in topics.items() if present}


def test_a_blocking_deal_is_reported_by_draft_and_strict_writes_nothing(
    example_copy: MakeDeal, tmp_path: Path
) -> None:
    deal = example_copy(ZH_DISTRIBUTOR, {"  audit_rights: true": "  audit_rights: false"})
    code, findings, _ = _check(deal)
    assert code == 1 and ("blocker", "profit-sharing-needs-audit") in {(s, r) for s, r, _m in findings}
    runner = CliRunner()
    drafted = runner.invoke(main, ["draft", str(deal), "-o", str(tmp_path / "out")])
    assert drafted.exit_code == 0  # the draft is written, with the finding in plain sight
    assert sorted(_drafted_findings(drafted.stderr, deal)) == sorted(findings)
    strict = runner.invoke(main, ["draft", str(deal), "-o", str(tmp_path / "strict"), "--strict"])
    assert strict.exit_code == 1
    assert not (tmp_path / "strict").exists()
    assert "nothing written (--strict)" in strict.stderr


@pytest.mark.parametrize("agreement_type", TYPES)
def test_check_on_the_drafted_docx_agrees_with_check_on_the_deal(
    example_copy: MakeDeal, tmp_path: Path, agreement_type: str
) -> None:
    deal = _as_type(example_copy, EN_RESELLER, agreement_type)
    drafted = CliRunner().invoke(main, ["draft", str(deal), "-o", str(tmp_path)])
    assert drafted.exit_code == 0, drafted.output
    deal_code, deal_findings, deal_topics = _check(deal)
    docx_code, docx_findings, docx_topics = _check(tmp_path / f"{agreement_type}.docx")
    assert (docx_code, docx_findings) == (deal_code, [f for f in deal_findings if f[1] != "yaml-comment-cut"])
    assert docx_topics == deal_topics
