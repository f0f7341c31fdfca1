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

from diff_match_patch import diff_match_patch  # type: ignore[import-untyped]

Op = Literal["equal", "insert", "delete"]

_CJK_CLASS = "\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
# A token: one CJK character, a whole number (12,000,000 or 3.5), a Latin word, a space run, or one mark.
_TOKEN = re.compile(rf"[{_CJK_CLASS}]|\d(?:[\d,.]*\d)?|[^\W\d_{_CJK_CLASS}]+|\s+|.", re.UNICODE | re.DOTALL)
_OPS: dict[int, Op] = {0: "equal", 1: "insert", -1: "delete"}
_TOKEN_LIMIT = 0x10FFFF - 0x100000  # characters left in the private plane


class _TooManyTokens(Exception):
    pass


# Tokens are encoded as characters from the Supplementary Private Use Area B, which real contract
# text does not use, so the encoding cannot collide with the text itself.
_TOKEN_BASE = 0x100000


@dataclass(frozen=True)
class Piece:
    """A run of text that is equal in both versions, inserted in the new one or deleted from the old."""

    op: Op
    text: str


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


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
            if len(tokens) >= _TOKEN_LIMIT and token not in vocabulary:
                raise _TooManyTokens
            code = vocabulary.get(token)
            if code is None:
                code = chr(_TOKEN_BASE + len(tokens))
                vocabulary[token] = code
                tokens.append(token)
            chars.append(code)
        return "".join(chars)

    engine = diff_match_patch()
    engine.Diff_Timeout = 0  # deterministic: never cut the search short on a slow machine
    try:
        diffs = engine.diff_main(encode(old), encode(new), False)
    except _TooManyTokens:  # a text of more than 65,000 distinct words: compare by character
        diffs = engine.diff_main(old, new, False)
        engine.diff_cleanupSemantic(diffs)
        return _merge([(_OPS[op], text) for op, text in diffs])
    engine.diff_cleanupSemantic(diffs)
    return _merge([(_OPS[op], "".join(tokens[ord(c) - _TOKEN_BASE] for c in encoded)) for op, encoded in diffs])


def _merge(parts: list[tuple[Op, str]]) -> list[Piece]:
    pieces: list[Piece] = []
    for op, text in parts:
        if not text:
            continue
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
