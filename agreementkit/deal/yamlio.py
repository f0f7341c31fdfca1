"""Safe YAML loading that remembers the line of every key, for ``FILE:LINE: field: message`` errors."""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from agreementkit.errors import InputError, Problem

MAX_YAML_BYTES = 2 * 1024 * 1024

Loc = tuple[str | int, ...]


@dataclass
class LoadedYaml:
    """Plain Python data plus the 1-based line of each key / item path."""

    data: Any
    path: Path
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int | None:
        """The line of ``loc`` or of its nearest ancestor that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)


def _plain(node: Any, loc: Loc, lines: dict[Loc, int]) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap):
        out: dict[Any, Any] = {}
        for key, value in node.items():
            child = (*loc, str(key))
            with contextlib.suppress(KeyError, TypeError, AttributeError):
                lines[child] = node.lc.key(key)[0] + 1
            out[str(key)] = _plain(value, child, lines)
        return out
    if isinstance(node, CommentedSeq):
        items = []
        for i, value in enumerate(node):
            child = (*loc, i)
            with contextlib.suppress(KeyError, TypeError, AttributeError, IndexError):
                lines[child] = node.lc.item(i)[0] + 1
            items.append(_plain(value, child, lines))
        return items
    if isinstance(node, dict):
        return {str(k): _plain(v, (*loc, str(k)), lines) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v, (*loc, i), lines) for i, v in enumerate(node)]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, float):
        return Decimal(repr(float(node)))
    if isinstance(node, int):
        return int(node)
    if isinstance(node, dt.datetime):
        return node
    if isinstance(node, dt.date):
        return dt.date(node.year, node.month, node.day)
    if isinstance(node, str):
        return str(node)
    return node


def _lenient_timestamps(base: type[Any]) -> type[Any]:
    """``base`` constructor whose impossible dates (2027-02-30, 2027-13-01) stay strings.

    The model then reports them as a field error with their line, instead of the YAML library
    raising ``ValueError`` while it builds the date.
    """

    class Lenient(base):  # type: ignore[misc]
        def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
            try:
                return super().construct_yaml_timestamp(node, values)
            except (ValueError, OverflowError):
                return str(node.value)

    Lenient.add_constructor("tag:yaml.org,2002:timestamp", Lenient.construct_yaml_timestamp)
    return Lenient


def load_yaml(path: Path, what: str = "YAML file", with_lines: bool = True) -> LoadedYaml:
    """Load ``path`` safely (no Python tags; duplicate keys are errors).

    ``with_lines`` keeps the line of every key for error messages (round-trip parser); without it
    the C-accelerated safe parser is used, several times faster, for files expected to be valid.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(f"{path}: no such {what}") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read {what}: {exc.strerror}") from None
    if size > MAX_YAML_BYTES:
        raise InputError(f"{path}: {what} is {size} bytes, larger than the {MAX_YAML_BYTES} bytes allowed")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path}: {what} is not UTF-8 text; save it as UTF-8") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read {what}: {exc.strerror}") from None
    yaml = YAML(typ="rt" if with_lines else "safe")
    yaml.allow_duplicate_keys = False
    yaml.Constructor = _lenient_timestamps(yaml.Constructor)
    try:
        node = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        reason = (exc.problem or exc.context or "invalid YAML").strip()
        raise InputError(
            f"{path}: invalid YAML", [Problem(f"{reason} (fix the YAML syntax)", str(path), line)]
        ) from None
    except YAMLError as exc:
        raise InputError(f"{path}: invalid YAML: {str(exc).splitlines()[0]}") from None
    lines: dict[Loc, int] = {(): 1}
    return LoadedYaml(_plain(node, (), lines), path, lines)
