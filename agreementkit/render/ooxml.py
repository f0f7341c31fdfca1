"""WordprocessingML child order: insert property elements where the schema wants them.

Word's schema fixes the order of the children of ``w:pPr``, ``w:rPr``, ``w:tblPr`` and ``w:tcPr``
(an ``xsd:sequence``). Appending a new property at the end, or inserting it first, gives a file
that Word offers to "repair". Every property element we add goes through :func:`insert_ordered`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# ECMA-376 part 1, CT_PPrBase + CT_PPr.
PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
    "sectPr", "pPrChange",
)  # fmt: skip
# CT_RPr (EG_RPrBase).
RPR_ORDER = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
    "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
    "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
    "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath", "rPrChange",
)  # fmt: skip
# CT_TblPr.
TBLPR_ORDER = (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
    "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar",
    "tblLook", "tblCaption", "tblDescription", "tblPrChange",
)  # fmt: skip
# CT_TcPr.
TCPR_ORDER = (
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
    "textDirection", "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel", "cellMerge",
    "tcPrChange",
)  # fmt: skip

_ORDERS = {"pPr": PPR_ORDER, "rPr": RPR_ORDER, "tblPr": TBLPR_ORDER, "tcPr": TCPR_ORDER}


def local(tag: str) -> str:
    """``{namespace}name`` → ``name``."""
    return tag.rsplit("}", 1)[-1]


def insert_ordered(parent: Any, child: Any, order: Sequence[str] | None = None) -> Any:
    """Insert ``child`` into ``parent`` at its schema position, replacing an element of its kind.

    ``order`` defaults to the sequence of ``parent``'s kind (pPr, rPr, tblPr, tcPr).
    """
    seq = order if order is not None else _ORDERS[local(parent.tag)]
    name = local(child.tag)
    rank = seq.index(name)
    for old in parent.findall(f"{{{W}}}{name}"):
        parent.remove(old)
    for i, sibling in enumerate(parent):
        sib = local(sibling.tag)
        if sib in seq and seq.index(sib) > rank:
            parent.insert(i, child)
            return child
    parent.append(child)
    return child


def in_schema_order(parent: Any) -> bool:
    """Whether ``parent``'s known children follow the schema sequence (used by tests)."""
    seq = _ORDERS[local(parent.tag)]
    ranks = [seq.index(local(c.tag)) for c in parent if local(c.tag) in seq]
    return ranks == sorted(ranks)
