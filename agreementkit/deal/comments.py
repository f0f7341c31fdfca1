"""Values a YAML comment cut short: ``address: 30 Raffles Place, #17-01`` keeps only "30 Raffles Place,".

In YAML an unquoted value ends where `` #`` begins a comment, so a unit number, a "#" in a name
or a hash tag silently disappears from the contract. A comment right after a value on the same
line is legitimate (``language: en  # or zh-TW``); it looks like a cut value when the value ends
in the middle of a phrase (a comma, a dash, "No.") or the "comment" starts straight after the
``#`` with a letter or digit (``#17-01``). Those are reported, as warnings, with the line and the
quoted value to write instead.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from agreementkit.errors import Problem

# YAML starts a comment at a "#" after whitespace; one after something else on its line may follow a value.
_SAME_LINE_COMMENT = re.compile(r"\S[ \t]+#")
# A value ending in one of these stops in the middle of a phrase.
_DANGLING = (",", "，", "、", ";", "；", ":", "：", "-", "–", "/", "&", "(", "（", "+", " No.", " no.", " Unit")


def _looks_cut(value: str, comment: str) -> bool:
    after_hash = comment[1:2]
    return value.rstrip().endswith(_DANGLING) or (after_hash != "" and after_hash.isalnum())


def _comment_after(token_list: Any, index: int) -> Any:
    if not isinstance(token_list, list) or len(token_list) <= index:
        return None
    return token_list[index]


def _field(loc: tuple[str | int, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else ("." if out else "") + str(part)
    return out


def _problem(file: str, line: int, loc: tuple[str | int, ...], value: str, comment: str) -> Problem:
    whole = f"{value} {comment}".replace('"', '\\"')
    return Problem(
        f"the value stops at “{value}”: YAML reads “{comment}” after it as a comment. If the # is "
        f'part of the value, put the whole value in double quotes: "{whole}"',
        file,
        line,
        _field(loc),
    )


def _walk(node: Any, loc: tuple[str | int, ...], file: str, out: list[Problem], seen: set[int]) -> None:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import ScalarString

    if id(node) in seen:  # an alias repeats a node already read (or refers to its own parent)
        return
    seen.add(id(node))
    if isinstance(node, CommentedMap):
        items: list[tuple[str | int, Any, Any, int]] = []
        for key, value in node.items():
            try:
                line = node.lc.value(key)[0]
            except (KeyError, TypeError, AttributeError):
                continue
            items.append((str(key), value, _comment_after(node.ca.items.get(key), 2), line))
    elif isinstance(node, CommentedSeq):
        items = []
        for i, value in enumerate(node):
            try:
                line = node.lc.item(i)[0]
            except (KeyError, TypeError, AttributeError, IndexError):
                continue
            items.append((i, value, _comment_after(node.ca.items.get(i), 0), line))
    else:
        return
    for key, value, token, line in items:
        child = (*loc, key)
        if isinstance(value, CommentedMap | CommentedSeq):
            _walk(value, child, file, out, seen)
            continue
        # Quoted and block scalars (ScalarString subclasses) cannot be cut by a comment.
        if not isinstance(value, str) or isinstance(value, ScalarString) or token is None:
            continue
        mark = getattr(token, "start_mark", None)
        text = str(getattr(token, "value", "")).split("\n", 1)[0].rstrip()
        if mark is None or mark.line != line or not text.startswith("#"):
            continue
        if _looks_cut(value, text):
            out.append(_problem(file, line + 1, child, value, text))


def cut_values_in_text(text: str, file: str) -> list[Problem]:
    """Every unquoted value in the YAML ``text`` that a same-line comment seems to have cut."""
    if _SAME_LINE_COMMENT.search(text) is None:
        return []  # a comment cuts a value only after it on its line (most deal files have none)
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    try:
        node = yaml.load(text)
    except (YAMLError, ValueError, OverflowError):
        return []  # the loader itself reports invalid YAML
    out: list[Problem] = []
    _walk(node, (), file, out, set())
    return out


def cut_values(path: Path) -> list[Problem]:
    """Every value in the YAML file at ``path`` that a same-line comment seems to have cut."""
    from agreementkit.fileio.input import MAX_YAML_BYTES, read_regular_file

    data = read_regular_file(path, max_bytes=MAX_YAML_BYTES, what="deal file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return []  # the loader itself reports a file that is not UTF-8
    return cut_values_in_text(text, str(path))
