"""Assembly: numbering, labels, cross-references and the sandbox, on small libraries built inline."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from agreementkit.cli import main
from agreementkit.deal.load import load_deal
from agreementkit.drafting.assemble import assemble
from agreementkit.errors import LibraryError, TemplateRenderError
from agreementkit.library.loader import Library
from agreementkit.models.agreement import Paragraph, Ref, Table
from tests.conftest import ZH_DISTRIBUTOR


def write_library(root: Path, files: dict[str, str]) -> Path:
    """Create a clause folder from {relative path: YAML text}."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


OUTLINE = """\
type: distributor
title: {zh-TW: 測試合約, en: Test Agreement}
partner_label: {zh-TW: 經銷商, en: Distributor}
supplier_label: {zh-TW: 供應商, en: Supplier}
articles:
  - id: first
    heading: {zh-TW: 期間, en: Term}
    clauses: [t_term, t_renewal]
  - id: second
    heading: {zh-TW: 指標, en: KPIs}
    clauses: [t_kpi]
  - id: third
    heading: {zh-TW: 便利終止, en: Convenience}
    clauses: [t_never]
"""


def clause(cid: str, body_zh: str, body_en: str, extra: str = "") -> str:
    return f"""\
id: {cid}
category: test
topic: {cid}
title: {{zh-TW: 標題{cid}, en: Title {cid}}}
{extra}variants:
  - id: only
    body:
      zh-TW: "{body_zh}"
      en: "{body_en}"
sample: {{}}
"""


@pytest.fixture
def small_library(tmp_path: Path) -> Path:
    return write_library(
        tmp_path / "lib",
        {
            "outlines/distributor.yaml": OUTLINE,
            "test/t_term.yaml": clause(
                "t_term",
                '期間二年，依{{ ref(\\"t_renewal\\") }}續約。',
                'Two years, renewable under {{ ref(\\"t_renewal\\") }}.',
            ),
            "test/t_renewal.yaml": clause("t_renewal", "自動續約。", "Renews automatically."),
            "test/t_kpi.yaml": clause(
                "t_kpi",
                '{{ P }}應達成：\\n\\n{{ table(\\"kpis\\") }}\\n\\n見{{ ref(\\"first\\") }}。',
                'The {{ P }} shall meet:\\n\\n{{ table(\\"kpis\\") }}\\n\\nSee {{ ref(\\"first\\") }}.',
            ),
            "test/t_never.yaml": clause("t_never", "不會出現。", "Never shown.", extra="when: 'false'\n"),
        },
    )


def test_numbers_labels_and_references(small_library: Path) -> None:
    agreement = assemble(load_deal(ZH_DISTRIBUTOR), Library.open(small_library), ("zh-TW", "en"))
    assert [a.label["zh-TW"] for a in agreement.articles] == ["第一條", "第二條"]  # excluded article vanishes
    term, renewal = agreement.articles[0].clauses
    assert renewal.label == {"zh-TW": "第一條第二項", "en": "Clause 1.2"}
    paragraph = term.blocks[0]
    assert isinstance(paragraph, Paragraph)
    # a reference inside its own article names it relatively (issue 10 item 6)
    assert paragraph.text("zh-TW") == "期間二年，依本條第二項續約。"
    assert paragraph.text("en") == "Two years, renewable under paragraph 2 of this Article."
    ref = next(i for i in paragraph.content["zh-TW"] if isinstance(i, Ref))
    assert ref.bookmark == "ak_t_renewal" and ref.article_bookmark == "ak_art_first"
    (kpi,) = agreement.articles[1].clauses
    assert not kpi.show_heading and kpi.label["en"] == "Article 2"
    assert isinstance(kpi.blocks[1], Table) and kpi.blocks[1].id == "kpis"
    assert kpi.blocks[0].text("zh-TW") == "乙方應達成："  # type: ignore[union-attr]
    assert kpi.blocks[2].text("en") == "See Article 1."  # type: ignore[union-attr]


def test_reference_to_an_absent_clause_is_a_library_error(small_library: Path) -> None:
    write_library(
        small_library, {"test/t_renewal.yaml": clause("t_renewal", '見{{ ref(\\"t_never\\") }}', "x")}
    )
    with pytest.raises(LibraryError, match="t_never"):
        assemble(load_deal(ZH_DISTRIBUTOR), Library.open(small_library))


def test_sandbox_blocks_python_internals(small_library: Path) -> None:
    write_library(
        small_library,
        {"test/t_renewal.yaml": clause("t_renewal", "{{ ''.__class__.__mro__[1].__subclasses__() }}", "x")},
    )
    with pytest.raises(TemplateRenderError, match="t_renewal"):
        assemble(load_deal(ZH_DISTRIBUTOR), Library.open(small_library))


def test_undefined_variable_names_clause_and_language(small_library: Path) -> None:
    write_library(small_library, {"test/t_renewal.yaml": clause("t_renewal", "{{ no_such_value }}", "x")})
    with pytest.raises(TemplateRenderError) as info:
        assemble(load_deal(ZH_DISTRIBUTOR), Library.open(small_library))
    assert "t_renewal" in info.value.message and "zh-TW" in info.value.message


def test_library_error_exits_3_without_traceback(small_library: Path, tmp_path: Path) -> None:
    write_library(small_library, {"test/t_renewal.yaml": "id: wrong_name\n"})
    result = CliRunner().invoke(
        main, ["draft", str(ZH_DISTRIBUTOR), "-o", str(tmp_path / "out"), "--library", str(small_library)]
    )
    assert result.exit_code == 3
    assert "t_renewal.yaml" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_deal_values_are_text_not_markup(example_copy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from docx import Document

    hostile = 'ACME <w:p>&amp; "Trading" {{ 7*7 }}'
    deal = example_copy(replace={"name: 北辰通路股份有限公司": f"name: '{hostile}'"})
    result = CliRunner().invoke(main, ["draft", str(deal), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.stderr
    doc = Document(str(tmp_path / "out" / f"{deal.stem}.docx"))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert any(hostile in c for c in cells)
    assert not any("49" in c and "ACME" in c for c in cells)
