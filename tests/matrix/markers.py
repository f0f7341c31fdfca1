"""Jurisdiction markers: phrases only a draft under one governing law (or with a party of one country) may hold.

The project's jurisdiction table (``clause_library/jurisdictions.yaml``, loaded by
``agreementkit.library.jurisdictions.load_jurisdictions()``) is the source once it exists; until
then this module carries the same kind of data, taken from what today's clause library cites.
:func:`jurisdiction_markers` uses the loader whenever it is importable, so the matrix follows the
table without an edit here.

``law`` markers: statutes, courts' procedure codes and arbitration laws of a governing law.
``tax`` markers: tax and invoicing terms of a country, allowed when a party is from there.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

Lang = str
PhraseTable = Mapping[str, Mapping[Lang, tuple[str, ...]]]

LAW_MARKERS: dict[str, dict[Lang, tuple[str, ...]]] = {
    "TW": {
        "zh-TW": (
            "中華民國法律", "中華民國仲裁法", "依仲裁法", "仲裁法第", "民事訴訟法", "個人資料保護法",
            "公平交易法", "營業秘密法", "電子簽章法", "商業會計法", "消費者保護法", "商品標示法",
            "貿易法", "勞動基準法", "民法第", "中華民國主管機關", "涉外民事法律適用法",
        ),
        "en": (
            "Arbitration Act of Taiwan", "Taiwan Arbitration Act", "Arbitration Law of the Republic of China",
            "Code of Civil Procedure", "Personal Data Protection Act", "Fair Trade Act", "Trade Secrets Act",
            "Electronic Signatures Act", "Business Entity Accounting Act", "Consumer Protection Act",
            "Commodity Labeling Act", "Foreign Trade Act", "Labor Standards Act", "Civil Code",
            "laws of the Republic of China", "Taiwanese law", "Republic of China (Taiwan)",
        ),
    },
    "SG": {
        "zh-TW": ("新加坡國際仲裁法", "新加坡個人資料保護法", "新加坡法律"),
        "en": (
            "International Arbitration Act 1994", "Arbitration Act 2001", "Personal Data Protection Act 2012",
            "laws of Singapore", "Electronic Transactions Act 2010",
        ),
    },
    "HK": {
        "zh-TW": ("仲裁條例", "個人資料（私隱）條例", "香港特別行政區法律", "電子交易條例"),
        "en": (
            "Arbitration Ordinance", "Personal Data (Privacy) Ordinance", "Electronic Transactions Ordinance",
            "laws of the Hong Kong Special Administrative Region",
        ),
    },
    "JP": {
        "zh-TW": ("日本仲裁法", "日本個人資訊保護法", "日本民法", "日本法律"),
        "en": (
            "Arbitration Act of Japan", "Act on the Protection of Personal Information", "Civil Code of Japan",
            "laws of Japan", "Code of Civil Procedure of Japan",
        ),
    },
    "US-NY": {
        "zh-TW": ("美國聯邦仲裁法", "紐約州法律"),
        "en": ("Federal Arbitration Act", "New York General Obligations Law", "Civil Practice Law and Rules",
               "laws of the State of New York"),
    },
    "US-CA": {
        "zh-TW": ("美國聯邦仲裁法", "加州消費者隱私法", "加利福尼亞州法律"),
        "en": ("Federal Arbitration Act", "California Consumer Privacy Act", "California Code of Civil Procedure",
               "laws of the State of California"),
    },
    "EN": {
        "zh-TW": ("英國仲裁法", "英國資料保護法", "英格蘭及威爾斯法律"),
        "en": ("Arbitration Act 1996", "Data Protection Act 2018", "UK GDPR", "laws of England and Wales"),
    },
}

TAX_MARKERS: dict[str, dict[Lang, tuple[str, ...]]] = {
    "TW": {
        "zh-TW": ("統一發票", "營業稅", "統一編號", "加值型及非加值型營業稅法"),
        "en": ("Government Uniform Invoice", "Uniform Invoice", "business tax", "Unified Business Number",
               "Value-added and Non-value-added Business Tax Act"),
    },
    "SG": {"zh-TW": ("新加坡商品及服務稅",), "en": ("Goods and Services Tax Act",)},
    "HK": {"zh-TW": ("香港利得稅",), "en": ("Hong Kong profits tax",)},
    "JP": {"zh-TW": ("日本消費稅", "適格請求書"), "en": ("Japanese consumption tax", "qualified invoice")},
    "US": {"zh-TW": ("美國銷售稅",), "en": ("US sales tax", "Form W-9")},
    "GB": {"zh-TW": ("英國加值稅",), "en": ("UK VAT", "HMRC")},
}


@dataclass(frozen=True)
class Markers:
    """Per governing law and per country, the phrases that belong to it, per language."""

    law: PhraseTable
    tax: PhraseTable
    source: str = "tests/matrix/markers.py"
    notes: tuple[str, ...] = field(default_factory=tuple)


def _plain(value: Any) -> Any:
    """Loader output (pydantic model, dataclass, mapping) as plain dicts and lists."""
    dump = getattr(value, "model_dump", None)
    if callable(dump):
        return _plain(dump(by_alias=True))
    if hasattr(value, "__dataclass_fields__"):
        return {k: _plain(getattr(value, k)) for k in value.__dataclass_fields__}
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(v) for v in value]
    return value


def _per_lang(value: Any) -> dict[Lang, tuple[str, ...]]:
    if isinstance(value, Mapping):
        return {str(k): tuple(str(p) for p in v) for k, v in value.items() if isinstance(v, list)}
    if isinstance(value, list):  # language-independent phrases: match in every language
        phrases = tuple(str(p) for p in value)
        return {"zh-TW": phrases, "en": phrases}
    return {}


def _collect(data: Any, key: str, out: dict[str, dict[Lang, tuple[str, ...]]]) -> None:
    """Every mapping that has ``key`` registers its phrases under the name it is stored at."""
    if isinstance(data, Mapping):
        for name, value in data.items():
            if isinstance(value, Mapping) and key in value:
                code = str(value.get("code") or value.get("id") or name)
                out[code] = _per_lang(value[key])
            _collect(value, key, out)
    elif isinstance(data, list):
        for item in data:
            if isinstance(item, Mapping) and key in item and ("code" in item or "id" in item):
                out[str(item.get("code") or item.get("id"))] = _per_lang(item[key])
            _collect(item, key, out)


def from_table(table: Any, source: str) -> Markers:
    """Markers from the project's jurisdiction table, whatever container the loader returns.

    Raises AssertionError, naming what was found, when the table holds no ``markers`` at all:
    the matrix must not silently check nothing.
    """
    data = _plain(table)
    law: dict[str, dict[Lang, tuple[str, ...]]] = {}
    tax: dict[str, dict[Lang, tuple[str, ...]]] = {}
    _collect(data, "markers", law)
    _collect(data, "tax_markers", tax)
    if not law:
        shape = sorted(data) if isinstance(data, Mapping) else type(data).__name__
        raise AssertionError(
            f"{source} returned no per-law 'markers' (top level: {shape}); adapt tests/matrix/markers.py"
        )
    return Markers(law, tax, source)


@functools.cache
def jurisdiction_markers() -> Markers:
    """The project's jurisdiction table when its loader exists, else this module's own tables.

    Prefers ``load_table()`` (laws and countries at once); with only ``load_jurisdictions()``
    it adds ``load_countries()`` when that exists.
    """
    try:
        from agreementkit.library import jurisdictions as table_module  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        return Markers(LAW_MARKERS, TAX_MARKERS)
    load_table = getattr(table_module, "load_table", None)
    if callable(load_table):
        return from_table(load_table(), "agreementkit.library.jurisdictions.load_table()")
    parts: dict[str, Any] = {"jurisdictions": table_module.load_jurisdictions()}
    load_countries = getattr(table_module, "load_countries", None)
    if callable(load_countries):
        parts["countries"] = load_countries()
    return from_table(parts, "agreementkit.library.jurisdictions.load_jurisdictions()")


def country_of_law(law: str) -> str:
    """The ISO country of a governing-law code (US-NY → US, EN → GB)."""
    return {"EN": "GB"}.get(law, law.split("-")[0])
