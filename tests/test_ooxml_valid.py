"""Every agreement DOCX validates against the OOXML schema (openxml-audit, Office 2016 rules).

Word meets a schema violation with "unreadable content — repair?". The examples are drafted in
each language and under every agreement type; the independent validator must find nothing. The
element-order checks below say *where* a regression is without the validator's help.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from lxml import etree
from openxml_audit import FileFormat, OpenXmlValidator

from agreementkit.deal.load import load_deal
from agreementkit.drafting.assemble import assemble
from agreementkit.library.loader import Library
from agreementkit.library.resources import bundled_dir
from agreementkit.models.common import Lang
from agreementkit.render.docx import render_docx
from agreementkit.render.ooxml import W, in_schema_order, insert_ordered
from tests.conftest import BILINGUAL_ALLIANCE, EN_RESELLER, ZH_DISTRIBUTOR

LANGS: dict[str, tuple[Lang, ...]] = {"zh-TW": ("zh-TW",), "en": ("en",), "bilingual": ("zh-TW", "en")}
EXAMPLES = {"distributor": ZH_DISTRIBUTOR, "reseller": EN_RESELLER, "alliance": BILINGUAL_ALLIANCE}
TYPES = ("distributor", "reseller", "referral", "agency", "strategic_alliance")


@pytest.fixture(scope="module")
def library() -> Library:
    return Library.open()


def audit(data: bytes, tmp_path: Path) -> list[str]:
    """openxml-audit's findings for DOCX bytes, one line each."""
    path = tmp_path / "agreement.docx"
    path.write_bytes(data)
    result = OpenXmlValidator(file_format=FileFormat.OFFICE_2016, max_errors=0).validate(path)
    return [f"{e.part_uri} {e.path}: {e.description}" for e in result.errors]


@pytest.mark.parametrize("lang", LANGS, ids=LANGS.keys())
@pytest.mark.parametrize("example", EXAMPLES, ids=EXAMPLES.keys())
def test_example_docx_has_no_schema_errors(example: str, lang: str, library: Library, tmp_path: Path) -> None:
    agreement = assemble(load_deal(EXAMPLES[example]), library, LANGS[lang])
    assert audit(render_docx(agreement), tmp_path) == []


@pytest.mark.parametrize("kind", TYPES)
def test_every_agreement_type_has_no_schema_errors(kind: str, library: Library, tmp_path: Path) -> None:
    deal = load_deal(BILINGUAL_ALLIANCE)
    deal = deal.model_copy(update={"agreement": deal.agreement.model_copy(update={"type": kind})})
    assert audit(render_docx(assemble(deal, library)), tmp_path) == []


def test_template_has_no_styles_with_effects_or_leftover_styles() -> None:
    template = bundled_dir("templates") / "docx" / "agreement.docx"
    with zipfile.ZipFile(template) as z:
        names = set(z.namelist())
        rels = z.read("word/_rels/document.xml.rels").decode()
        types = z.read("[Content_Types].xml").decode()
    assert "word/stylesWithEffects.xml" not in names
    assert "stylesWithEffects" not in rels and "stylesWithEffects" not in types
    styles = Document(str(template)).styles.element
    # No style of python-docx's default template points at its Japanese theme fonts.
    assert "majorEastAsia" not in etree.tostring(styles).decode()
    assert "minorEastAsia" not in etree.tostring(styles).decode()


@pytest.mark.parametrize("lang", LANGS, ids=LANGS.keys())
def test_property_elements_in_schema_order(lang: str, library: Library) -> None:
    data = render_docx(assemble(load_deal(ZH_DISTRIBUTOR if lang != "en" else EN_RESELLER), library, LANGS[lang]))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for part in ("word/document.xml", "word/styles.xml"):
            root = etree.fromstring(z.read(part))
            for tag in ("pPr", "rPr", "tblPr", "tcPr"):
                for el in root.iter(f"{{{W}}}{tag}"):
                    names = [etree.QName(c).localname for c in el]
                    assert in_schema_order(el), f"{part}: {tag} children out of order: {names}"


def test_insert_ordered_places_each_property_where_the_schema_wants_it() -> None:
    def el(name: str) -> etree._Element:
        return etree.Element(f"{{{W}}}{name}")

    ppr = el("pPr")
    for name in ("jc", "numPr", "outlineLvl", "keepNext", "spacing", "pStyle"):
        insert_ordered(ppr, el(name))
    assert [etree.QName(c).localname for c in ppr] == ["pStyle", "keepNext", "numPr", "spacing", "jc", "outlineLvl"]
    insert_ordered(ppr, el("keepNext"))  # replaces, never duplicates
    assert [etree.QName(c).localname for c in ppr].count("keepNext") == 1
    tblpr = el("tblPr")
    for name in ("tblLook", "tblW", "tblLayout", "tblStyle", "tblCellMar"):
        insert_ordered(tblpr, el(name))
    assert [etree.QName(c).localname for c in tblpr] == ["tblStyle", "tblW", "tblLayout", "tblCellMar", "tblLook"]
