"""Every text value of a YAML document checked once, before the model sees it.

Characters XML cannot carry (control characters, non-characters, lone surrogates), characters
that print nothing reliable (private use, including the markers agreementkit uses internally
for cross-references), bidirectional overrides that make text read differently than it
displays, floods of combining marks, and - in deal files - text longer than its field's limit
are reported as located problems (``field.path: message``). Short deal fields (names,
addresses, places) are also folded to one line and trimmed; that is the only normalisation.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from agreementkit.deal.bounds import Refused, date_problem

Loc = tuple[str | int, ...]

# Unicode's Stream-Safe Text Format allows 30 non-starters in a row; real text needs a few.
MAX_COMBINING_RUN = 8
MAX_KEY_CHARS = 100
LANG_KEYS = frozenset({"zh-TW", "en"})

_NONCHARACTERS = "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
_BAD_CHAR = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ue000-\uf8ff"
    "\U000f0000-\U0010ffff\u202a-\u202e\u2066-\u2069" + re.escape(_NONCHARACTERS) + "]"
)
_LINE_BREAKS = re.compile(r"\s*[\t\n\r\u2028\u2029]\s*")
# a date, not a registration number shaped like one ("0100-01-123456" is a Japanese 法人番号 style)
_ISO_DATE = re.compile(r"^\s*(\d{4})-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])(?![\d-])")
_NUMBER_LIKE = re.compile(r"^[\s+\-.,_eE%]*\d[\d\s+\-.,_eE%/]*$")
# agreementkit.library.jinja places cross-references and tables between these private-use
# code points (U+E000..U+E003); a deal value containing one would be taken for a reference.
_INTERNAL_MARKERS = range(0xE000, 0xE004)


@dataclass(frozen=True)
class TextPolicy:
    """Length limits for one kind of document (texts, list items); ``None``: no limit."""

    short_limit: int | None = None
    long_limit: int | None = None
    long_fields: frozenset[str] = frozenset()
    unbounded_fields: frozenset[str] = frozenset()
    normalise_digits: frozenset[str] = frozenset()
    max_items: int | None = None


CHARACTERS_ONLY = TextPolicy()


def char_problem(ch: str) -> str:
    """Why the character ``ch`` (matched by the bad-character pattern) cannot be in a text value."""
    cp = ord(ch)
    name = f"U+{cp:04X}"
    if cp in _INTERNAL_MARKERS:
        return (
            f"contains {name}, a character agreementkit uses internally to mark cross-references; remove it"
        )
    if cp < 0x20 or 0x7F <= cp <= 0x9F:
        return f"contains the control character {name}; remove it (XML and Word cannot carry it)"
    if 0xD800 <= cp <= 0xDFFF:
        return f"contains {name}, half of a broken surrogate pair; retype the text"
    if 0x202A <= cp <= 0x202E or 0x2066 <= cp <= 0x2069:
        return (
            f"contains the bidirectional control {name}, which makes the text display in a different "
            "order than it reads; remove it"
        )
    if (0xE000 <= cp <= 0xF8FF or cp >= 0xF0000) and cp & 0xFFFE != 0xFFFE:
        return (
            f"contains {name}, a private-use character (造字) that no standard font prints; "
            "use the standard Unicode character or a plain substitute"
        )
    return f"contains {name}, which is not a character (a Unicode non-character); remove it"


def _combining_problem(text: str) -> str | None:
    run = 0
    for ch in text:
        if ord(ch) >= 0x300 and unicodedata.category(ch).startswith("M"):
            run += 1
            if run > MAX_COMBINING_RUN:
                return (
                    f"has more than {MAX_COMBINING_RUN} combining marks on one character; "
                    "remove the extra accents"
                )
        else:
            run = 0
    return None


def ascii_digits(text: str) -> str | None:
    """``text`` with its decimal digits in ASCII when they all come from one script, else None.

    Full-width (０-９) and Arabic-Indic (٠-٩) digits become 0-9; a mix of scripts is ambiguous.
    """
    families = set()
    out = []
    for ch in unicodedata.normalize("NFKC", text):
        if not ch.isdecimal():
            return None
        digit = unicodedata.decimal(ch)
        families.add(ord(ch) - digit)
        out.append(str(digit))
    if len(families) > 1:
        return None
    return "".join(out)


def field_name(loc: Loc) -> str:
    """The name of the field a text value belongs to: its last key that is not a language."""
    for part in reversed(loc):
        if isinstance(part, str) and part not in LANG_KEYS:
            return part
    return ""


def printable(text: str) -> str:
    """``text`` safe to print in an error line: control and invisible characters as escapes."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)


def check_value(text: str, loc: Loc, policy: TextPolicy) -> tuple[str, str | None]:
    """``text`` normalised for its field, and the reason it is refused (None when it is fine)."""
    bad = _BAD_CHAR.search(text)
    if bad is not None:
        return text, char_problem(bad.group())
    combining = _combining_problem(text)
    if combining is not None:
        return text, combining
    date = _ISO_DATE.match(text)
    if date is not None:
        reason = date_problem(int(date.group(1)))
        if reason is not None:
            return text, reason
    name = field_name(loc)
    foreign_digits = not text.isascii() and any(c.isdecimal() and not c.isascii() for c in text)
    if name in policy.normalise_digits and foreign_digits:
        converted = ascii_digits(text.strip())
        if converted is not None:
            return converted, None
        return text, f"{printable(text)!r} mixes digits of different scripts or other characters; use 0-9"
    if foreign_digits and _NUMBER_LIKE.match(text):
        return text, f"{printable(text)!r} is written with non-ASCII digits; use the digits 0-9"
    if policy.short_limit is None or name in policy.unbounded_fields:
        return text, None
    if name in policy.long_fields:
        limit = policy.long_limit or policy.short_limit
    else:
        limit = policy.short_limit
        text = _LINE_BREAKS.sub(" ", text).strip()
    if len(text) > limit:
        return text, f"is {len(text)} characters long; at most {limit} are allowed here (shorten it)"
    return text, None


def check_texts(data: Any, policy: TextPolicy) -> tuple[Any, list[tuple[Loc, str]]]:
    """``data`` with normalised text values, and every refused text value or key with its path.

    Refused values are replaced by :class:`~agreementkit.deal.bounds.Refused` markers.

    Recursion follows the document's nesting, which the YAML loader has already bounded.
    """
    problems: list[tuple[Loc, str]] = []

    def walk(node: Any, loc: Loc) -> Any:
        if isinstance(node, dict):
            out: dict[Any, Any] = {}
            for key, value in node.items():
                child = (*loc, key)
                if isinstance(key, str):
                    bad = _BAD_CHAR.search(key)
                    if bad is not None:
                        problems.append((child, "this key " + char_problem(bad.group())))
                    elif len(key) > MAX_KEY_CHARS:
                        problems.append(
                            (child, f"this key is {len(key)} characters long; check its spelling")
                        )
                out[key] = walk(value, child)
            return out
        if isinstance(node, list):
            if policy.max_items is not None and len(node) > policy.max_items:
                problems.append((loc, f"has {len(node)} items; at most {policy.max_items} are allowed"))
                return Refused(f"[{len(node)} items]", "too many items")
            return [walk(v, (*loc, i)) for i, v in enumerate(node)]
        if isinstance(node, str):
            text, problem = check_value(node, loc, policy)
            if problem is not None:
                problems.append((loc, problem))
                return Refused(node, problem)
            return text
        return node

    return walk(data, ()), problems
