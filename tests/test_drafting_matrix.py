"""The drafting matrix: deals across type × language × governing law × forum × exclusivity ×
profit sharing × goods/software/services × KPIs × where the parties are, each drafted to DOCX and
HTML and checked for what a lawyer would catch (see tests/matrix/checks.py for each kind).

Run:
    python -m pytest tests/test_drafting_matrix.py                   # the CI sample (30 combinations)
    MATRIX=full python -m pytest tests/test_drafting_matrix.py       # the full matrix (168)
    MATRIX=12 python -m pytest tests/test_drafting_matrix.py         # any sample size
    MATRIX_STRICT=1 ...                                              # ignore KNOWN_DEFECTS
    python -m tests.matrix.generate --out /tmp/m                     # write the deals as YAML

The CI sample is the 30 combinations of the full matrix that together cover the most value
pairs, so it is fixed (deterministic) and broad. PDF is drafted for three fixed combinations
(one per language) where WeasyPrint works.

KNOWN_DEFECTS lists the failures today's code still has, per assertion kind: those tests are
expected to fail (xfail, not strict, so a fix shows as XPASS). It is the only place failures are
excused; the integrator empties it as the fixes land.
"""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from agreementkit.deal.load import load_deal
from agreementkit.drafting.assemble import assemble
from agreementkit.drafting.service import RENDERERS, DraftRequest, languages_for
from agreementkit.errors import ValidationFailed
from agreementkit.library.loader import Library
from agreementkit.models.deal import Deal
from tests.matrix.checks import CHECKS, Draft, report
from tests.matrix.documents import read_docx, read_html
from tests.matrix.generate import (
    Combination,
    build_deal,
    combinations,
    kind_field,
    sample,
    write_deal,
)

CI_SAMPLE = 30


@dataclass(frozen=True)
class KnownDefect:
    """A kind of failure today's code has: the assertion kind, which combinations, and why."""

    kind: str
    reason: str
    applies: Callable[[Combination], bool] = field(default=lambda combo: True)


# Failures the full matrix still finds, one entry per defect, each limited to the combinations it
# concerns. Empty: the full matrix passes with MATRIX_STRICT=1 (issue 10). Add an entry only for a
# defect found and not yet fixed, with its reason.
KNOWN_DEFECTS: list[KnownDefect] = []


def _selected() -> tuple[Combination, ...]:
    choice = os.environ.get("MATRIX", "").strip().lower()
    if choice == "full":
        return combinations()
    if choice.isdigit() and int(choice) > 0:
        return sample(int(choice))
    return sample(CI_SAMPLE)


SELECTED = _selected()


def _known(kind: str, combo: Combination) -> KnownDefect | None:
    if os.environ.get("MATRIX_STRICT"):
        return None
    return next((d for d in KNOWN_DEFECTS if d.kind == kind and d.applies(combo)), None)


def _params(kind: str) -> list[object]:
    params: list[object] = []
    for combo in SELECTED:
        defect = _known(kind, combo)
        marks = [pytest.mark.xfail(strict=False, reason=f"KNOWN_DEFECTS: {defect.reason}")] if defect else []
        params.append(pytest.param(combo, id=combo.id, marks=marks))
    return params


@functools.cache
def _library() -> Library:
    return Library.open()


@functools.cache
def _workdir() -> Path:
    return Path(tempfile.mkdtemp(prefix="agreementkit-matrix-"))


@functools.cache
def load(combo: Combination) -> tuple[Path, Deal, tuple[str, ...]]:
    """Write the deal file and load it as ``agreementkit draft`` does.

    Returns the file, the deal and the loader's refusals. When the loader refuses a deal the model
    itself accepts, the matrix drafts from the model (so every other check still runs) and
    ``test_deal_file_loads`` reports the refusal.
    """
    folder = _workdir() / combo.id
    folder.mkdir(parents=True, exist_ok=True)
    deal_path = write_deal(combo, folder)
    try:
        return deal_path, load_deal(deal_path), ()
    except ValidationFailed as exc:
        return deal_path, Deal.model_validate(build_deal(combo)), tuple(exc.lines())


@functools.cache
def drafted(combo: Combination) -> Draft:
    """Assemble the deal and render DOCX and HTML with the draft service's renderers (once per run)."""
    deal_path, deal, _refused = load(combo)
    folder = deal_path.parent
    request = DraftRequest(deal_path=deal_path, out_dir=folder, formats=("docx", "html"))
    agreement = assemble(deal, _library(), languages_for(deal, None))
    docx_bytes = RENDERERS["docx"](agreement, request)
    html = RENDERERS["html"](agreement, request).decode("utf-8")
    docx_path = folder / f"{combo.id}.docx"
    docx_path.write_bytes(docx_bytes)
    (folder / f"{combo.id}.html").write_text(html, encoding="utf-8")
    return Draft(combo, deal_path, deal, _library(), agreement, docx_path, read_docx(docx_bytes), read_html(html))


def _run(kind: str, combo: Combination) -> None:
    draft = drafted(combo)
    problems = CHECKS[kind](draft)
    assert not problems, report(draft, kind, problems)


@pytest.mark.parametrize("combo", _params("validation"))
def test_deal_file_loads(combo: Combination) -> None:
    """The deal file, valid for the model, also passes the loader ``agreementkit draft`` uses."""
    deal_path, _deal, refused = load(combo)
    assert not refused, f"validation: the loader refuses {combo.id} ({deal_path}):\n  - " + "\n  - ".join(refused)


@pytest.mark.parametrize("combo", _params("script"))
def test_script_matches_language(combo: Combination) -> None:
    """(a) No CJK in an English draft, no Latin words in a Chinese one, outside names and codes."""
    _run("script", combo)


@pytest.mark.parametrize("combo", _params("jurisdiction"))
def test_no_foreign_jurisdiction_terms(combo: Combination) -> None:
    """(b) No statute, institution or tax term of a jurisdiction other than the deal's."""
    _run("jurisdiction", combo)


@pytest.mark.parametrize("combo", _params("references"))
def test_references_resolve(combo: Combination) -> None:
    """(c) Every REF, link and 第X條 / Article n reference resolves; none names its own article."""
    _run("references", combo)


@pytest.mark.parametrize("combo", _params("conditions"))
def test_only_included_clauses_appear(combo: Combination) -> None:
    """(d) Exactly the clauses the outline and their conditions include, in DOCX and HTML."""
    _run("conditions", combo)


@pytest.mark.parametrize("combo", _params("fit"))
def test_clauses_fit_the_deal(combo: Combination) -> None:
    """(d) No stock, warehouse or spare-parts wording where the partner holds no stock."""
    _run("fit", combo)


@pytest.mark.parametrize("combo", _params("headings"))
def test_heading_order_matches_outline(combo: Combination) -> None:
    """(e) Article and clause headings in the outline's order."""
    _run("headings", combo)


@pytest.mark.parametrize("combo", _params("check"))
def test_check_passes_the_draft(combo: Combination) -> None:
    """(f) ``agreementkit check`` on the DOCX blocks exactly where the deal file does; finds every drafted clause."""
    _run("check", combo)


# --- the matrix itself ---------------------------------------------------------------------


def test_matrix_covers_every_pair_and_the_jurisdiction_triples() -> None:
    """The full matrix is a covering array of at least 150 valid, distinct deals."""
    from tests.matrix.generate import TRIPLES, allowed, factors
    from tests.matrix.pairwise import missing_interactions, required_interactions

    full = combinations()
    rows = [dict(c.values) for c in full]
    assert len(full) >= 150
    assert missing_interactions(rows, required_interactions(factors(), allowed, TRIPLES)) == []
    assert len({c.values for c in full}) == len(full)
    assert [c.id for c in combinations()] == [c.id for c in full]  # deterministic


def test_matrix_spans_every_governing_law_the_model_allows() -> None:
    from agreementkit.models.deal import Deal
    from tests.matrix.generate import governing_laws

    laws = {c["law"] for c in combinations()}
    assert laws == set(governing_laws())
    assert "TW" in laws and len(laws) == len(Deal.model_fields["governing_law"].annotation.__args__)  # type: ignore[union-attr]


def test_every_matrix_deal_is_valid_for_the_model() -> None:
    """Each deal of the full matrix is valid data for the deal model and says what its row says."""
    for combo in combinations():
        deal = Deal.model_validate(build_deal(combo))
        assert (deal.agreement.type, deal.agreement.language, deal.governing_law) == (
            combo["type"], combo["language"], combo["law"]
        )
        assert deal.appointment.exclusivity == combo["exclusivity"]
        assert (deal.profit_sharing.kind if deal.profit_sharing else "none") == combo["profit"]
        assert bool(deal.kpis) == (combo["kpis"] == "on")
        assert deal.dispute_resolution.method == ("court" if combo["route"] == "court" else "arbitration")


def test_what_is_sold_reaches_the_deal_when_the_model_has_a_field() -> None:
    field_ = kind_field()
    if field_ is None:
        pytest.skip("the deal model has no goods / software / services field yet")
    combo = next(c for c in combinations() if c["sold"] == "software")
    assert field_.values["software"] in repr(build_deal(combo))


# --- PDF, for a small fixed sample -------------------------------------------------------------


def _weasyprint_works() -> bool:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


PDF_SAMPLE = tuple(next(c for c in sample(CI_SAMPLE) if c["language"] == lang) for lang in ("zh-TW", "en", "bilingual"))


@pytest.mark.skipif(not _weasyprint_works() and not os.environ.get("CI"), reason="WeasyPrint not usable here")
@pytest.mark.parametrize("combo", [pytest.param(c, id=c.id) for c in PDF_SAMPLE])
def test_pdf_holds_every_article_in_order(combo: Combination) -> None:
    """The PDF renders and its text carries every article heading in the outline's order."""
    import io
    import re

    from pypdf import PdfReader

    draft = drafted(combo)
    request = DraftRequest(deal_path=draft.deal_path, out_dir=draft.docx_path.parent, formats=("pdf",))
    data = RENDERERS["pdf"](draft.agreement, request)
    assert data.startswith(b"%PDF")
    text = re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages))
    lang = draft.agreement.languages[0]
    position = 0
    for article in draft.agreement.articles:
        heading = re.sub(r"\s+", "", article.heading[lang])
        found = text.find(heading, position)
        assert found >= 0, f"{combo.id}: PDF lacks article heading {heading!r} after position {position}"
        position = found + len(heading)


# --- the instrument's own rules, on small texts ------------------------------------------------


def test_script_rule_flags_foreign_words_and_spares_codes_acronyms_and_glosses() -> None:
    from tests.matrix.checks import foreign_script

    def flagged(text: str, lang: str) -> list[str]:
        return [text[s:e] for s, e in foreign_script(text, lang)]

    assert flagged("約定區域為Singapore、Malaysia及Indonesia", "zh-TW") == ["Singapore", "Malaysia", "Indonesia"]
    assert flagged("…knows the local market。", "zh-TW") == ["knows", "the", "local", "market"]
    assert flagged("KPI 及 MDF 依 FCA 交貨，型號 SE-GW200，寄 a.b@x.example.tw，重 5kg", "zh-TW") == []
    assert flagged("市場開發基金（Market Development Fund）及 Microsoft Teams", "zh-TW") == []
    assert flagged("Place of signing 臺北市", "en") == ["臺北市"]
    assert flagged("Name：Acme　v1.0 「quoted」", "en") == ["：", "　", "「", "」"]
    assert flagged("Article 5 of this Agreement, NT$3,500,000", "en") == []


def test_jurisdiction_rule_flags_other_laws_and_spares_the_home_law_and_party_countries() -> None:
    from tests.matrix.checks import jurisdiction_leaks
    from tests.matrix.markers import LAW_MARKERS, TAX_MARKERS, Markers

    markers = Markers(LAW_MARKERS, TAX_MARKERS)

    def leaks(text: str, lang: str, law: str, countries: set[str]) -> list[str]:
        return [text[s:e] for _owner, s, e in jurisdiction_leaks(text, lang, law, countries, markers)]

    hk = "administered by HKIAC under its rules and the Arbitration Act of Taiwan"
    assert leaks(hk, "en", "HK", {"HK"}) == ["Arbitration Act of Taiwan"]
    assert leaks(hk, "en", "TW", {"TW"}) == []
    assert leaks("the Personal Data Protection Act 2012", "en", "SG", {"SG"}) == []
    assert leaks("the Personal Data Protection Act", "en", "SG", {"SG"}) == ["Personal Data Protection Act"]
    assert leaks("開立統一發票並加計營業稅", "zh-TW", "SG", {"SG", "TW"}) == []  # a Taiwanese party invoices
    assert leaks("開立統一發票並加計營業稅", "zh-TW", "SG", {"SG"}) == ["統一發票", "營業稅"]


def test_reference_rule_reads_internal_references_only() -> None:
    from tests.matrix.checks import _internal_refs, _unordered_lists

    def refs(text: str, lang: str) -> list[tuple[int, int | None]]:
        return [(a, c) for a, c, _f, _s, _e in _internal_refs(text, lang)]

    assert refs("依民法第五百五十八條及公平交易法第十九條，並依第十七條第一項辦理", "zh-TW") == [(17, 1)]
    assert refs("under Article 24 of the Code of Civil Procedure and Clauses 5.2 and 7.1", "en") == [(5, 2), (7, 1)]
    assert refs("Article 3 of this Agreement", "en") == [(3, None)]
    text = "第十七條第一項、第十一條、第二十條第二項及第二十條第一項"
    assert [text[s:e] for s, e in _unordered_lists(text, "zh-TW")] == [
        "第十七條第一項、第十一條", "第二十條第二項及第二十條第一項",
    ]
    assert list(_unordered_lists("Clauses 5.2, 5.3 and 7.1", "en")) == []
    assert len(list(_unordered_lists("Clauses 7.1 and 5.2", "en"))) == 1


def test_covering_array_builder_covers_pairs_under_a_constraint() -> None:
    from tests.matrix.pairwise import covering_array, missing_interactions, required_interactions

    factors = {"a": ("1", "2", "3"), "b": ("x", "y"), "c": ("p", "q", "r"), "d": ("u", "v")}

    def allowed(row: Mapping[str, str]) -> bool:
        return not (row.get("a") == "1" and row.get("b") == "y")

    rows = covering_array(factors, allowed)
    assert all(allowed(r) for r in rows)
    assert missing_interactions(rows, required_interactions(factors, allowed)) == []
    assert rows == covering_array(factors, allowed)
    assert len(rows) < 3 * 2 * 3 * 2


def test_markers_follow_the_project_table_whatever_its_container() -> None:
    from pydantic import BaseModel, ConfigDict, Field

    from tests.matrix.markers import from_table

    class Phrases(BaseModel):
        model_config = ConfigDict(populate_by_name=True)
        zh_TW: tuple[str, ...] = Field(default=(), alias="zh-TW")
        en: tuple[str, ...] = ()

    class Law(BaseModel):
        markers: Phrases

    class Country(BaseModel):
        tax_markers: Phrases

    class Table(BaseModel):
        jurisdictions: dict[str, Law]
        countries: dict[str, Country]

    table = Table(
        jurisdictions={"TW": Law(markers=Phrases(zh_TW=("民法第",), en=("Civil Code",)))},
        countries={"TW": Country(tax_markers=Phrases(zh_TW=("統一發票",), en=("Uniform Invoice",)))},
    )
    markers = from_table(table, "test table")
    assert markers.law == {"TW": {"zh-TW": ("民法第",), "en": ("Civil Code",)}}
    assert markers.tax == {"TW": {"zh-TW": ("統一發票",), "en": ("Uniform Invoice",)}}
    with pytest.raises(AssertionError, match="no per-law 'markers'"):
        from_table({"laws": {}}, "empty table")
