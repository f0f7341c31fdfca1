"""The DOCX font table (``word/fontTable.xml``): what a reader needs to substitute a missing font.

Word and LibreOffice read each ``w:font`` entry when the named font is not installed: its
alternate name (標楷體 is "DFKai-SB" on an English Windows), its character set (0x88, Big5:
Traditional Chinese), its PANOSE class and its Unicode ranges. With the entry a reader that
lacks the font picks a Traditional Chinese face; without it, it guesses from the name alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

BIG5_CHARSET = "88"
ANSI_CHARSET = "00"

# Unicode range and code page bits (OS/2 ulUnicodeRange / ulCodePageRange) of a Traditional
# Chinese text face: Basic Latin and Latin-1, CJK symbols (bit 48), CJK ideographs (59) and
# their compatibility forms (61), full-width forms (68); code pages 1252 and 950 (Big5).
_TC_SIG = ("00000003", "28010000", "00000010", "00000000", "00100001", "00000000")
_LATIN_SIG = ("00000003", "00000000", "00000000", "00000000", "00000001", "00000000")


@dataclass(frozen=True)
class FontInfo:
    """One font table entry."""

    alt_name: str | None
    panose: str | None
    charset: str
    family: str  # roman | swiss | modern | script | decorative | auto
    pitch: str  # fixed | variable | default
    sig: tuple[str, str, str, str, str, str] | None


KNOWN_FONTS: dict[str, FontInfo] = {
    "Times New Roman": FontInfo(None, "02020603050405020304", ANSI_CHARSET, "roman", "variable", _LATIN_SIG),
    "標楷體": FontInfo("DFKai-SB", "03000509000000000000", BIG5_CHARSET, "script", "fixed", _TC_SIG),
    "新細明體": FontInfo("PMingLiU", "02020500000000000000", BIG5_CHARSET, "roman", "variable", _TC_SIG),
    "細明體": FontInfo("MingLiU", "02020509000000000000", BIG5_CHARSET, "modern", "fixed", _TC_SIG),
    "微軟正黑體": FontInfo("Microsoft JhengHei", "020B0604030504040204", BIG5_CHARSET, "swiss", "variable", _TC_SIG),
}
# The same fonts under their English names.
_ALIASES = {info.alt_name: name for name, info in KNOWN_FONTS.items() if info.alt_name}


def font_info(name: str, east_asian: bool) -> FontInfo:
    """The entry for ``name``; a font we do not know gets its class from its role."""
    known = KNOWN_FONTS.get(name) or KNOWN_FONTS.get(_ALIASES.get(name, ""))
    if known is not None:
        if name in _ALIASES:  # named in English: the Chinese name is the alternate
            return FontInfo(_ALIASES[name], known.panose, known.charset, known.family, known.pitch, known.sig)
        return known
    if east_asian:
        return FontInfo(None, None, BIG5_CHARSET, "auto", "variable", _TC_SIG)
    return FontInfo(None, None, ANSI_CHARSET, "auto", "variable", None)


def _entry(name: str, info: FontInfo) -> str:
    parts = [f"<w:font w:name={quoteattr(name)}>"]
    if info.alt_name:
        parts.append(f"<w:altName w:val={quoteattr(info.alt_name)}/>")
    if info.panose:
        parts.append(f'<w:panose1 w:val="{info.panose}"/>')
    parts.append(f'<w:charset w:val="{info.charset}"/><w:family w:val="{info.family}"/>')
    parts.append(f'<w:pitch w:val="{info.pitch}"/>')
    if info.sig:
        u0, u1, u2, u3, c0, c1 = info.sig
        parts.append(
            f'<w:sig w:usb0="{u0}" w:usb1="{u1}" w:usb2="{u2}" w:usb3="{u3}" w:csb0="{c0}" w:csb1="{c1}"/>'
        )
    parts.append("</w:font>")
    return "".join(parts)


def font_table_xml(latin: Iterable[str], east_asian: Iterable[str]) -> bytes:
    """``word/fontTable.xml`` listing ``latin`` and ``east_asian`` fonts (each once, in order)."""
    entries: dict[str, str] = {}
    for name in latin:
        entries.setdefault(name, _entry(name, font_info(name, east_asian=False)))
    for name in east_asian:
        entries.setdefault(name, _entry(name, font_info(name, east_asian=True)))
    body = "".join(entries.values())
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"{body}</w:fonts>"
    ).encode()
