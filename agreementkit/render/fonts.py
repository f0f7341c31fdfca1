"""Fonts for PDF output: which Traditional Chinese fonts to use, and proof that they cover the text.

A PDF must never show a missing glyph, and a generic CSS family (``serif``) would let fontconfig
pick a Japanese or Latin-only face. So fonts are chosen here by explicit file and family name:

1. the user's own files (``--font FILE``, repeatable), first in the stack when given;
2. Debian's ``fonts-noto-cjk`` (Noto Serif / Sans CJK TC, Regular and Bold), found at the paths
   Debian and Ubuntu install them to and used by their fontconfig family names, which select the
   Traditional Chinese face inside the ``.ttc`` collections;
3. the pip-installable ``pylopdf-fonts-zh-tw`` package (Noto Serif TC / Noto Sans TC, Regular
   only), declared through ``@font-face`` and served by the renderer's URL fetcher.

Before a PDF is written :func:`check_coverage` proves, with fontTools, that every character of the
rendered document has a glyph in the chosen fonts, and raises :class:`RenderError` naming the
characters and the fonts otherwise. This module does not import WeasyPrint.
"""

from __future__ import annotations

import functools
import importlib.util
import mmap
import struct
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from agreementkit.errors import RenderError

Buffer = bytes | mmap.mmap

#: Where Debian / Ubuntu's ``fonts-noto-cjk`` puts its collections (and Fedora's equivalent).
SYSTEM_FONT_DIRS: tuple[Path, ...] = (
    Path("/usr/share/fonts/opentype/noto"),
    Path("/usr/share/fonts/noto-cjk"),
    Path("/usr/share/fonts/google-noto-cjk"),
)
#: The pip package that ships Noto Serif TC / Noto Sans TC (OFL-1.1) as plain OTF files.
PIP_FONT_PACKAGE = "pylopdf_fonts_zh_tw"

_FONT_SUFFIXES = {".ttf", ".otf", ".ttc", ".otc"}


@dataclass(frozen=True)
class FontFace:
    """One font file (or one face of a collection) and the CSS family it is used under."""

    family: str
    path: Path
    weight: int = 400
    #: Face index inside a collection; ``None`` means every face of the file (a user's ``.ttc``).
    index: int | None = 0
    #: True: declared with ``@font-face`` and served by the URL fetcher; False: a system font that
    #: fontconfig already knows under ``family``.
    declare: bool = True
    source: str = "user"

    def describe(self) -> str:
        """``Noto Serif CJK TC Bold (/usr/share/…/NotoSerifCJK-Bold.ttc)``."""
        weight = " Bold" if self.weight >= 600 else ""
        return f"{self.family}{weight} ({self.path})"


@dataclass(frozen=True)
class FontSet:
    """The fonts of one document: families for body text and for headings, and their faces."""

    body: tuple[str, ...]
    heading: tuple[str, ...]
    faces: tuple[FontFace, ...]
    source: str

    @property
    def files(self) -> frozenset[Path]:
        """Font files the URL fetcher may serve (those declared with ``@font-face``)."""
        return frozenset(f.path for f in self.faces if f.declare)

    def describe(self) -> str:
        """The fonts, one per line, for messages and the README."""
        return "; ".join(f.describe() for f in self.faces)

    def css(self) -> str:
        """``@font-face`` rules and the font-family declarations of the document.

        Only this stylesheet names fonts; the layout stylesheet stays font-free so the same
        template works with any font set.
        """
        rules: list[str] = []
        for face in self.faces:
            if not face.declare:
                continue
            family, url = _css_string(face.family), _css_string(face.path.resolve().as_uri())
            rules.append(
                f"@font-face {{ font-family: {family}; src: url({url}); font-weight: {face.weight}; "
                "font-style: normal; }"
            )
        body = ", ".join(_css_string(f) for f in self.body)
        heading = ", ".join(_css_string(f) for f in self.heading)
        rules.append(f"html, body, table, td, th {{ font-family: {body}; }}")
        rules.append(f"h1, h2, h3, h4, .heading, thead th, .party-label {{ font-family: {heading}; }}")
        rules.append(f"@page {{ @top-center {{ font-family: {body}; }} @bottom-center {{ font-family: {body}; }} }}")
        return "\n".join(rules) + "\n"


def _css_string(value: str) -> str:
    """A CSS string literal: backslash-escape quotes, backslashes and control characters."""
    out = []
    for ch in value:
        if ch in "\"\\" or ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\{ord(ch):x} ")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


# --------------------------------------------------------------------------- reading font files
#
# Reading a full cmap with fontTools takes a quarter of a second per CJK face (65 000 entries
# turned into a dict), too slow to do before every PDF. So the few tables needed here (name,
# OS/2, cmap) are read straight from the file with ``struct``, and each character is looked up by
# binary search in the cmap's own arrays. Fonts this reader does not understand (no format 4/12
# Unicode cmap) fall back to fontTools.


@dataclass(frozen=True)
class FaceInfo:
    """What the renderer needs to know about one face of a font file."""

    family: str
    weight: int
    has: Callable[[int], bool]


def _tables(data: Buffer, base: int) -> dict[bytes, tuple[int, int]]:
    num = struct.unpack_from(">H", data, base + 4)[0]
    out = {}
    for i in range(num):
        tag, _checksum, offset, length = struct.unpack_from(">4sIII", data, base + 12 + 16 * i)
        out[tag] = (offset, length)
    return out


def _family(data: Buffer, table: tuple[int, int] | None) -> str | None:
    if table is None:
        return None
    start = table[0]
    _fmt, count, strings = struct.unpack_from(">HHH", data, start)
    found: dict[int, str] = {}
    for i in range(count):
        platform, encoding, language, name_id, length, offset = struct.unpack_from(">6H", data, start + 6 + 12 * i)
        if name_id not in (1, 16) or platform != 3 or encoding not in (0, 1, 10) or language != 0x409:
            continue
        raw = data[start + strings + offset : start + strings + offset + length]
        found[name_id] = raw.decode("utf-16-be", "replace")
    return found.get(16) or found.get(1)


def _format12(data: Buffer, sub: int) -> Callable[[int], bool]:
    groups = struct.unpack_from(">I", data, sub + 12)[0]
    first = sub + 16

    def has(cp: int) -> bool:
        lo, hi = 0, groups - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            start, end, glyph = struct.unpack_from(">III", data, first + 12 * mid)
            if cp < start:
                hi = mid - 1
            elif cp > end:
                lo = mid + 1
            else:
                return bool(glyph + cp - start != 0)
        return False

    return has


def _format4(data: Buffer, sub: int) -> Callable[[int], bool]:
    seg = struct.unpack_from(">H", data, sub + 6)[0] // 2
    ends, starts = sub + 14, sub + 16 + 2 * seg
    deltas, ranges = starts + 2 * seg, starts + 4 * seg

    def has(cp: int) -> bool:
        if cp > 0xFFFF:
            return False
        lo, hi = 0, seg - 1
        while lo < hi:  # first segment whose end >= cp
            mid = (lo + hi) // 2
            if struct.unpack_from(">H", data, ends + 2 * mid)[0] < cp:
                lo = mid + 1
            else:
                hi = mid
        start = struct.unpack_from(">H", data, starts + 2 * lo)[0]
        if start > cp or struct.unpack_from(">H", data, ends + 2 * lo)[0] < cp:
            return False
        delta = struct.unpack_from(">h", data, deltas + 2 * lo)[0]
        offset = struct.unpack_from(">H", data, ranges + 2 * lo)[0]
        if offset == 0:
            return bool((cp + delta) & 0xFFFF != 0)
        glyph = struct.unpack_from(">H", data, ranges + 2 * lo + offset + 2 * (cp - start))[0]
        return bool(glyph != 0 and (glyph + delta) & 0xFFFF != 0)

    return has


def _cmap(data: Buffer, table: tuple[int, int] | None) -> Callable[[int], bool] | None:
    if table is None:
        return None
    start = table[0]
    count = struct.unpack_from(">H", data, start + 2)[0]
    subtables: dict[tuple[int, int], int] = {}
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, start + 4 + 8 * i)
        subtables[(platform, encoding)] = start + offset
    for key in ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0)):
        sub = subtables.get(key)
        if sub is None:
            continue
        fmt = struct.unpack_from(">H", data, sub)[0]
        if fmt == 12:
            return _format12(data, sub)
        if fmt == 4:
            return _format4(data, sub)
    return None


def _fonttools_faces(path: Path) -> tuple[FaceInfo, ...]:
    from fontTools.ttLib import TTCollection, TTFont  # fontTools ships with WeasyPrint

    with path.open("rb") as handle:
        magic = handle.read(4)
    fonts = TTCollection(str(path), lazy=True).fonts if magic == b"ttcf" else [TTFont(str(path), lazy=True)]
    out = []
    for font in fonts:
        name = font["name"]
        family = str(name.getBestFamilyName() or name.getDebugName(1) or path.stem)
        weight = int(font["OS/2"].usWeightClass) if "OS/2" in font else 400
        points = frozenset(font.getBestCmap() or {})
        out.append(FaceInfo(family, weight, points.__contains__))
    return tuple(out)


@functools.lru_cache(maxsize=32)
def _faces_in(path: Path, mtime: float) -> tuple[FaceInfo, ...]:
    """Every face of the font file ``path``; cached per file version."""
    try:
        with path.open("rb") as handle:
            # Mapped, not read: a CJK collection is 20-30 MB and only a few KB of it are needed.
            data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        bases = (
            [struct.unpack_from(">I", data, 12 + 4 * i)[0] for i in range(struct.unpack_from(">I", data, 8)[0])]
            if data[:4] == b"ttcf"
            else [0]
        )
        out = []
        for base in bases:
            tables = _tables(data, base)
            has = _cmap(data, tables.get(b"cmap"))
            if has is None:
                return _fonttools_faces(path)
            os2 = tables.get(b"OS/2")
            weight = struct.unpack_from(">H", data, os2[0] + 4)[0] if os2 else 400
            out.append(FaceInfo(_family(data, tables.get(b"name")) or path.stem, weight, has))
        return tuple(out)
    except (OSError, ValueError, struct.error, IndexError):
        try:
            return _fonttools_faces(path)
        except Exception as exc:  # fontTools raises many kinds of errors on a bad file
            raise RenderError(f"{path}: not a usable font file ({type(exc).__name__}: {exc})") from None


def font_info(path: Path) -> tuple[FaceInfo, ...]:
    """Every face of a font file: family name, weight class and a glyph-presence test."""
    try:
        mtime = path.stat().st_mtime
    except OSError as exc:
        raise RenderError(f"{path}: cannot read font file: {exc.strerror}") from None
    return _faces_in(path.resolve(), mtime)


def has_glyph(face: FontFace, cp: int) -> bool:
    """Whether ``face`` has a glyph for code point ``cp`` (a whole collection: every face has)."""
    faces = font_info(face.path)
    if face.index is not None:
        return faces[face.index].has(cp)
    return all(f.has(cp) for f in faces)


# --------------------------------------------------------------------------- choosing fonts


def _system_noto() -> FontSet | None:
    """Debian's fonts-noto-cjk: the TC faces of the Serif and Sans collections, by family name."""
    for folder in SYSTEM_FONT_DIRS:
        serif, sans = folder / "NotoSerifCJK-Regular.ttc", folder / "NotoSansCJK-Regular.ttc"
        if not (serif.is_file() and sans.is_file()):
            continue
        faces: list[FontFace] = []
        for style, family in (("Serif", "Noto Serif CJK TC"), ("Sans", "Noto Sans CJK TC")):
            for weight, suffix in ((400, "Regular"), (700, "Bold")):
                path = folder / f"Noto{style}CJK-{suffix}.ttc"
                if not path.is_file():
                    continue
                names = [f.family for f in font_info(path)]
                if family not in names:
                    continue
                faces.append(FontFace(family, path, weight, names.index(family), False, "fonts-noto-cjk"))
        if faces:
            return FontSet(
                # Serif throughout, bold headings, like the DOCX (one East Asian serif face); two
                # embedded subsets instead of three keeps the PDF small.
                body=("Noto Serif CJK TC", "Noto Sans CJK TC"),
                heading=("Noto Serif CJK TC", "Noto Sans CJK TC"),
                faces=tuple(faces),
                source=f"Debian fonts-noto-cjk ({folder})",
            )
    return None


def _pip_noto() -> FontSet | None:
    """Noto Serif TC / Noto Sans TC from the ``pylopdf-fonts-zh-tw`` wheel, if it is installed."""
    try:
        spec = importlib.util.find_spec(PIP_FONT_PACKAGE)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations)))
    serif, sans = folder / "NotoSerifTC-Regular.otf", folder / "NotoSansTC-Regular.otf"
    if not (serif.is_file() and sans.is_file()):
        return None
    source = "pip package pylopdf-fonts-zh-tw"
    return FontSet(
        body=("Noto Serif TC", "Noto Sans TC"),
        heading=("Noto Sans TC", "Noto Serif TC"),
        faces=(FontFace("Noto Serif TC", serif, 400, 0, True, source),
               FontFace("Noto Sans TC", sans, 400, 0, True, source)),
        source=source,
    )


def _user_faces(paths: Sequence[Path]) -> list[FontFace]:
    faces: list[FontFace] = []
    for given in paths:
        path = Path(given).expanduser()
        if not path.is_file():
            raise RenderError(f"--font {given}: no such font file")
        if path.suffix.lower() not in _FONT_SUFFIXES:
            raise RenderError(f"--font {given}: give a .ttf, .otf or .ttc font file")
        info = font_info(path)
        family, weight = info[0].family, info[0].weight
        faces.append(FontFace(family, path.resolve(), 700 if weight >= 600 else 400,
                              0 if len(info) == 1 else None, True, "user"))
    return faces


def select_fonts(user_fonts: Sequence[Path] = ()) -> FontSet:
    """The fonts for a PDF: the user's files first, then fonts-noto-cjk, then the pip package.

    The system (Debian) Noto CJK fonts come before the pip package because they carry a real Bold
    weight; the pip package has Regular faces only (headings then use the Sans face for contrast).
    Raises :class:`RenderError` when no Traditional Chinese font can be found.
    """
    bundled = _system_noto() or _pip_noto()
    if user_fonts:
        faces = _user_faces(user_fonts)
        families = tuple(dict.fromkeys(f.family for f in faces))
        extra_faces = bundled.faces if bundled else ()
        extra_body = bundled.body if bundled else ()
        body = tuple(dict.fromkeys((*families, *extra_body)))
        return FontSet(body=body, heading=body, faces=(*faces, *extra_faces),
                       source="user fonts" + (f" + {bundled.source}" if bundled else ""))
    if bundled is None:
        raise RenderError(
            "no Traditional Chinese font found for PDF output: install Debian's fonts-noto-cjk "
            "(apt-get install fonts-noto-cjk), or pip install pylopdf-fonts-zh-tw, "
            "or give your own with --font FILE"
        )
    return bundled


# --------------------------------------------------------------------------- coverage check

# Characters that are layout, not ink: they need no glyph.
_NO_GLYPH_CATEGORIES = {"Cc", "Cf", "Zl", "Zp"}


def _needs_glyph(ch: str) -> bool:
    return ch not in "\t\n\r" and unicodedata.category(ch) not in _NO_GLYPH_CATEGORIES


def missing_characters(text: Iterable[str], fonts: FontSet) -> list[str]:
    """Characters of ``text`` that no family of ``fonts`` has a glyph for in all its faces.

    A character counts as covered when one family covers it in every weight it is declared with,
    so bold headings cannot fall back to a system font either.
    """
    by_family: dict[str, list[FontFace]] = {}
    for face in fonts.faces:
        by_family.setdefault(face.family, []).append(face)
    wanted = sorted({ch for chunk in text for ch in chunk if _needs_glyph(ch)})
    return [
        ch
        for ch in wanted
        if not any(all(has_glyph(f, ord(ch)) for f in faces) for faces in by_family.values())
    ]


def check_coverage(text: Iterable[str], fonts: FontSet) -> None:
    """Raise :class:`RenderError` naming every character of ``text`` the fonts cannot show."""
    missing = missing_characters(text, fonts)
    if not missing:
        return
    shown = ", ".join(
        f"U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed character')}"
        + (f" ({ch})" if unicodedata.category(ch) not in {"Co", "Cn", "Cs"} else "")
        for ch in missing[:20]
    )
    more = f" and {len(missing) - 20} more" if len(missing) > 20 else ""
    raise RenderError(
        f"{len(missing)} character(s) have no glyph in the chosen fonts, so the PDF would show "
        f"empty boxes: {shown}{more}. Fonts: {fonts.describe()}. Remove the characters from the "
        "deal file or give a font that has them with --font FILE."
    )
