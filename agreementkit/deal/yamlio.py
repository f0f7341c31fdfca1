"""The one hardened YAML loader: safe tags, bounded structure and numbers, the line of every key.

Every YAML file agreementkit reads (deal files, clause files, outlines, playbooks) goes through
:func:`load_yaml`, which

* reads the file with :func:`agreementkit.fileio.input.read_regular_file` (no devices, FIFOs or
  oversize files);
* walks the parser's events once, without recursion, before anything is built, refusing a
  document nested deeper than :data:`MAX_DEPTH` or whose aliases (``*name``) would expand past
  :data:`MAX_ALIAS_VALUES` values (a "billion laughs" bomb) or refer to themselves;
* builds numbers from their text, refusing any past :data:`MAX_MAGNITUDE` or with more than
  :data:`MAX_DECIMALS` decimal places as a located problem instead of a 309-digit figure;
* keeps impossible dates (2027-02-30) as text so that the model reports them with their line,
  and refuses dates outside the years the agreement arithmetic can handle.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from agreementkit.deal.bounds import MAX_DECIMALS, MAX_MAGNITUDE, Refused, date_problem, number_problem
from agreementkit.errors import InputError, Problem
from agreementkit.fileio.input import MAX_YAML_BYTES, read_regular_file

# A deal is about six levels deep, a clause file about eight; nothing real comes near this.
MAX_DEPTH = 40
# Values that aliases may add in total when expanded: room for sharing a contact block a few times.
MAX_ALIAS_VALUES = 10_000
_MAX_NUMBER_CHARS = 40

Loc = tuple[str | int, ...]

__all__ = ["MAX_DECIMALS", "MAX_MAGNITUDE", "MAX_YAML_BYTES", "LoadedYaml", "Loc", "load_yaml", "load_yaml_bytes"]


@dataclass
class LoadedYaml:
    """Plain Python data plus the 1-based line of each key / item path.

    ``problems`` are values the loader refused (numbers and dates out of range, binary data),
    each at its path; they are reported with the model's own errors. ``flow_maps`` are the paths of ``{...}`` mappings,
    so that a comma inside an unquoted flow value can be explained.
    """

    data: Any
    path: Path
    lines: dict[Loc, int] = field(default_factory=dict)
    problems: list[tuple[Loc, str]] = field(default_factory=list)
    flow_maps: set[Loc] = field(default_factory=set)

    def line_of(self, loc: Loc) -> int | None:
        """The line of ``loc`` or of its nearest ancestor that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)


_FLOAT_TEXT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")


def _bounded_number(text: str, integer: bool) -> Decimal | int | Refused | None:
    """The value of a YAML int / float scalar, or Refused; None: let the YAML library decide."""
    clean = text.replace("_", "").strip()
    lowered = clean.lower().lstrip("+-")
    if lowered in (".inf", ".nan"):
        return Refused(text, "is not a finite number; write a plain number")
    if len(clean) > _MAX_NUMBER_CHARS:
        return Refused(text, f"is a number of {len(clean)} characters; numbers must be below 10^15")
    if integer:
        return None  # short enough for int(); bases (0x, 0o) are the YAML library's business
    if not _FLOAT_TEXT.match(clean):
        return None
    try:
        value = Decimal(clean)
    except InvalidOperation:
        return None
    reason = number_problem(value)
    if reason is not None:
        return Refused(text, reason)
    if not any(value.as_tuple().digits):
        return Decimal(0)
    # 1e5 as 100000, not 1E+5, so that amounts print as written
    return value.quantize(Decimal(1)) if value.as_tuple().exponent > 0 else value  # type: ignore[operator]


@functools.cache
def _hardened(base: type[Any]) -> type[Any]:
    """``base`` constructor with bounded numbers and impossible dates kept as strings."""

    class Hardened(base):  # type: ignore[misc]
        def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
            try:
                return super().construct_yaml_timestamp(node, values)
            except (ValueError, OverflowError):
                return str(node.value)

        def construct_yaml_int(self, node: Any) -> Any:
            bounded = _bounded_number(str(node.value), integer=True)
            if bounded is not None:
                return bounded
            try:
                value = super().construct_yaml_int(node)
            except (ValueError, OverflowError):
                return Refused(str(node.value), "is not a number YAML can read; write a plain number")
            reason = number_problem(Decimal(int(value)))
            return Refused(str(node.value), reason) if reason else value

        def construct_yaml_float(self, node: Any) -> Any:
            bounded = _bounded_number(str(node.value), integer=False)
            if bounded is not None:
                return bounded
            try:
                value = float(super().construct_yaml_float(node))
            except (ValueError, OverflowError):
                return Refused(str(node.value), "is not a number YAML can read; write a plain number")
            as_decimal = Decimal(repr(value))
            reason = number_problem(as_decimal)
            return Refused(str(node.value), reason) if reason else as_decimal

    Hardened.add_constructor("tag:yaml.org,2002:timestamp", Hardened.construct_yaml_timestamp)
    Hardened.add_constructor("tag:yaml.org,2002:int", Hardened.construct_yaml_int)
    Hardened.add_constructor("tag:yaml.org,2002:float", Hardened.construct_yaml_float)
    return Hardened


def _guard_structure(text: str, path: Path, what: str) -> None:
    """Refuse a document nested too deep or with an alias bomb, before anything is constructed.

    One pass over the parser's events (a state machine, no recursion), stopping at the first
    offence, so a 900-deep list or a billion-laughs file is refused in milliseconds.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.events import (
        AliasEvent,
        CollectionEndEvent,
        CollectionStartEvent,
        DocumentStartEvent,
        ScalarEvent,
    )

    # each open collection: [values inside it so far, its anchor]
    stack: list[list[Any]] = []
    sizes: dict[str, int] = {}
    alias_total = 0

    def refuse(event: Any, message: str) -> InputError:
        mark = getattr(event, "start_mark", None)
        line = mark.line + 1 if mark is not None else None
        return InputError(f"{path}: {what} refused", [Problem(message, str(path), line)])

    try:
        for event in YAML(typ="safe").parse(text):
            if isinstance(event, DocumentStartEvent):
                stack.clear()
            elif isinstance(event, CollectionStartEvent):
                stack.append([1, event.anchor])
                if len(stack) > MAX_DEPTH:
                    raise refuse(
                        event,
                        f"lists and mappings are nested more than {MAX_DEPTH} levels deep; "
                        f"a {what} needs only a few levels",
                    )
            elif isinstance(event, CollectionEndEvent):
                size, anchor = stack.pop()
                if anchor is not None:
                    sizes[anchor] = size
                if stack:
                    stack[-1][0] += size
            elif isinstance(event, AliasEvent):
                if any(frame[1] == event.anchor for frame in stack):
                    raise refuse(
                        event, f"alias *{event.anchor} refers to the value that contains it (a loop)"
                    )
                size = sizes.get(str(event.anchor), 1)
                alias_total += size
                if alias_total > MAX_ALIAS_VALUES:
                    raise refuse(
                        event,
                        f"aliases (*name) expand to more than {MAX_ALIAS_VALUES} values "
                        "(an alias bomb?); write the values out instead of repeating aliases",
                    )
                if stack:
                    stack[-1][0] += size
            elif isinstance(event, ScalarEvent):
                if event.anchor is not None:
                    sizes[event.anchor] = 1
                if stack:
                    stack[-1][0] += 1
    except YAMLError:
        return  # a syntax error: the real load below reports it with its line


def _plain(node: Any, loc: Loc, loaded: LoadedYaml) -> Any:
    """Plain dicts / lists / scalars from the YAML library's objects, recording lines and problems.

    Recursion is bounded by :data:`MAX_DEPTH` (checked before construction).
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    lines = loaded.lines
    if isinstance(node, CommentedMap):
        with contextlib.suppress(AttributeError):
            if node.fa.flow_style():
                loaded.flow_maps.add(loc)
        out: dict[Any, Any] = {}
        for key, value in node.items():
            child = (*loc, str(key))
            with contextlib.suppress(KeyError, TypeError, AttributeError):
                lines[child] = node.lc.key(key)[0] + 1
            out[str(key)] = _plain(value, child, loaded)
        return out
    if isinstance(node, CommentedSeq):
        items = []
        for i, value in enumerate(node):
            child = (*loc, i)
            with contextlib.suppress(KeyError, TypeError, AttributeError, IndexError):
                lines[child] = node.lc.item(i)[0] + 1
            items.append(_plain(value, child, loaded))
        return items
    if isinstance(node, dict):
        return {str(k): _plain(v, (*loc, str(k)), loaded) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v, (*loc, i), loaded) for i, v in enumerate(node)]
    if isinstance(node, Refused):
        loaded.problems.append((loc, node.reason))
        return node
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, Decimal):
        return node
    if isinstance(node, float):
        return Decimal(repr(float(node)))
    if isinstance(node, int):
        return int(node)
    if isinstance(node, dt.date):
        reason = date_problem(node.year)
        if reason is not None:
            loaded.problems.append((loc, reason))
            return Refused(str(node), reason)
        if isinstance(node, dt.datetime):
            return node
        return dt.date(node.year, node.month, node.day)
    if isinstance(node, str):
        return str(node)
    if isinstance(node, bytes | bytearray):
        refused = Refused("!!binary", "binary data (!!binary) is not allowed here; write text")
        loaded.problems.append((loc, refused.reason))
        return refused
    return node


def load_yaml(path: Path, what: str = "YAML file", with_lines: bool = True) -> LoadedYaml:
    """Load ``path`` safely (no Python tags; duplicate keys are errors; bounded as described above).

    ``with_lines`` keeps the line of every key for error messages (round-trip parser); without it
    the C-accelerated safe parser is used, several times faster, for files expected to be valid.
    """
    raw = read_regular_file(path, max_bytes=MAX_YAML_BYTES, what=what)
    return load_yaml_bytes(raw, path, what, with_lines)


def load_yaml_bytes(raw: bytes, path: Path, what: str = "YAML file", with_lines: bool = True) -> LoadedYaml:
    """Load YAML already read from ``path`` (e.g. a deal file's text kept in the register), as :func:`load_yaml`."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    if len(raw) > MAX_YAML_BYTES:
        raise InputError(f"{path}: larger than the {MAX_YAML_BYTES // (1024 * 1024)} MB limit for a {what}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad_line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            f"{path}: {what} is not UTF-8 text",
            [Problem("this line is not UTF-8 text; save the file as UTF-8", str(path), bad_line)],
        ) from None
    _guard_structure(text, path, what)
    yaml = YAML(typ="rt" if with_lines else "safe")
    yaml.allow_duplicate_keys = False
    yaml.Constructor = _hardened(yaml.Constructor)
    try:
        node = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        reason = (exc.problem or exc.context or "invalid YAML").strip()
        raise InputError(
            f"{path}: invalid YAML", [Problem(f"{_printable(reason)} (fix the YAML syntax)", str(path), line)]
        ) from None
    except YAMLError as exc:
        raise InputError(f"{path}: invalid YAML: {_printable(str(exc).splitlines()[0])}") from None
    except RecursionError:  # belt and braces: the guard above refuses deep documents first
        raise InputError(f"{path}: {what} is nested too deeply") from None
    loaded = LoadedYaml(None, path, {(): 1})
    loaded.data = _plain(node, (), loaded)
    return loaded


def _printable(text: str) -> str:
    """``text`` with control characters shown as ``\\xNN`` so an error line cannot drive the terminal."""
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)
