"""The fixed words of a drafted agreement's layout, chosen once per language.

Every renderer (DOCX, HTML/PDF) takes its labels from here, so a Chinese agreement says 契約
everywhere (契約編號, 本契約, 立契約書人) and never mixes in 合約. The closing date line
(中華民國一一六年一月十五日) is written here too; jurisdiction names come from the library's
jurisdiction table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from agreementkit.locale.formatting import date_text
from agreementkit.locale.numerals import chinese_number
from agreementkit.models.common import Lang

#: The one word for "the agreement" in each language.
AGREEMENT_WORD: Mapping[Lang, str] = {"zh-TW": "契約", "en": "Agreement"}

#: Labels of the cover, the party table and the signature block.
LABELS: Mapping[str, Mapping[Lang, str]] = {
    "parties": {"zh-TW": "立契約書人", "en": "Parties"},
    "name": {"zh-TW": "名稱", "en": "Name"},
    "tax_id": {"zh-TW": "統一編號", "en": "Unified Business No."},
    "registration": {"zh-TW": "登記號碼", "en": "Registration No."},
    "representative": {"zh-TW": "代表人", "en": "Representative"},
    "address": {"zh-TW": "地址", "en": "Address"},
    "number": {"zh-TW": "契約編號", "en": "Agreement No."},
    "version": {"zh-TW": "版本", "en": "Version"},
    "effective": {"zh-TW": "生效日", "en": "Effective date"},
    "signing_date": {"zh-TW": "簽約日", "en": "Date of signing"},
    "place": {"zh-TW": "簽約地點", "en": "Place of signing"},
    "seal": {"zh-TW": "公司印鑑及代表人簽章", "en": "Company seal and signature"},
    "company_seal": {"zh-TW": "公司印鑑", "en": "Company seal"},
    "rep_seal": {"zh-TW": "代表人印鑑", "en": "Representative's seal"},
    "signature": {"zh-TW": "代表人簽名", "en": "Signature"},
}

#: How each kind of document names itself in its closing sentence.
_SELF_NAME: Mapping[str, Mapping[Lang, str]] = {
    "agreement": {"zh-TW": "本契約", "en": "this Agreement"},
    "amendment": {"zh-TW": "本修正協議書", "en": "this Amendment"},
}


def witness_sentence(document_kind: str, lang: Lang) -> str:
    """The sentence above the signatures, naming the document it closes (本契約 / 本修正協議書)."""
    name = _SELF_NAME.get(document_kind, _SELF_NAME["agreement"])[lang]
    if lang == "zh-TW":
        return f"立契約書人已詳閱並同意{name}全部條款，爰簽署{name}，以資信守。"
    return f"IN WITNESS WHEREOF, the parties have signed {name} by their duly authorised representatives."


def label(key: str, lang: Lang) -> str:
    """The layout label ``key`` in ``lang``."""
    return LABELS[key][lang]


def prevailing_note(prevailing: Lang, lang: Lang) -> str:
    """The bilingual cover's sentence saying which version prevails, in ``lang``."""
    if lang == "zh-TW":
        version = "中文" if prevailing == "zh-TW" else "英文"
        return f"本契約以中英文對照作成，兩種文字版本如有歧異，以{version}版本為準。"
    version = "Chinese" if prevailing == "zh-TW" else "English"
    return f"This Agreement is made in Chinese and English; if the versions differ, the {version} version prevails."


def _digits(n: int) -> str:
    """116 → 一一六 (a year read digit by digit, as a closing date line writes it)."""
    return "".join("〇" if d == "0" else chinese_number(int(d)) for d in str(n))


def closing_date(value: dt.date | None, lang: Lang, style: str = "western") -> str:
    """The date line under the signatures: 中華民國一一六年一月十五日, or blanks to fill in by hand."""
    if lang == "en":
        return f"Date of signing: {date_text(value, 'en')}" if value else "Date of signing: ____________________"
    era = "中華民國" if style == "roc" else "西元"
    if value is None:
        return f"{era}　　　年　　月　　日"
    year = value.year - 1911 if style == "roc" else value.year
    return f"{era}{_digits(year)}年{chinese_number(value.month)}月{chinese_number(value.day)}日"
