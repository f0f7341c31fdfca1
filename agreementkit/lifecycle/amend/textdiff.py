"""Word-level (English) and character-level (Chinese) differences between two texts.

diff-match-patch compares characters; for English we first map every word, space run and
punctuation mark to one private character (its "line mode" trick applied to words), so a changed
word is reported whole instead of as a few changed letters. Chinese needs no segmenter: a
character is the unit a Taiwanese 對照表 underlines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from diff_match_patch import diff_match_patch

Op = Literal["equal", "insert", "delete"]

_WORDS = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
_OPS: dict[int, Op] = {0: "equal", 1: "insert", -1: "delete"}
# Tokens are encoded as characters from the Supplementary Private Use Area B, which real contract
# text does not use, so the encoding cannot collide with the text itself.
_TOKEN_BASE = 0x100000


@dataclass(frozen=True)
class Piece:
    """A run of text that is equal in both versions, inserted in the new one or deleted from the old."""

    op: Op
    text: str


def _tokens(text: str) -> list[str]:
    if _CJK.search(text):
        # Mixed text: Chinese by character, Latin words whole.
        out: list[str] = []
        for match in _WORDS.finditer(text):
            token = match.group(0)
            if _CJK.search(token):
                out.extend(token)
            else:
                out.append(token)
        return out
    return [m.group(0) for m in _WORDS.finditer(text)]


def diff_text(old: str, new: str) -> list[Piece]:
    """The pieces that turn ``old`` into ``new``: equal, deleted and inserted runs, in reading order.

    Joining the equal and deleted pieces gives ``old``; joining the equal and inserted ones gives
    ``new``. Adjacent pieces never share an operation.
    """
    if old == new:
        return [Piece("equal", old)] if old else []
    vocabulary: dict[str, str] = {}
    tokens: list[str] = []

    def encode(text: str) -> str:
        chars = []
        for token in _tokens(text):
            code = vocabulary.get(token)
            if code is None:
                code = chr(_TOKEN_BASE + len(tokens))
                vocabulary[token] = code
                tokens.append(token)
            chars.append(code)
        return "".join(chars)

    engine = diff_match_patch()
    engine.Diff_Timeout = 0  # deterministic: never cut the search short on a slow machine
    diffs = engine.diff_main(encode(old), encode(new), False)
    engine.diff_cleanupSemantic(diffs)
    pieces: list[Piece] = []
    for op_code, encoded in diffs:
        text = "".join(tokens[ord(c) - _TOKEN_BASE] for c in encoded)
        if not text:
            continue
        op = _OPS[op_code]
        if pieces and pieces[-1].op == op:
            pieces[-1] = Piece(op, pieces[-1].text + text)
        else:
            pieces.append(Piece(op, text))
    return pieces


def old_text(pieces: list[Piece]) -> str:
    """The text before the change."""
    return "".join(p.text for p in pieces if p.op != "insert")


def new_text(pieces: list[Piece]) -> str:
    """The text after the change."""
    return "".join(p.text for p in pieces if p.op != "delete")
