"""Batch rows → deals: each column of a partner table overrides one field of the base deal.

Column names are dotted field paths of the deal file (``parties.partner.name``,
``appointment.minimum_commitment.amount``). A list of items is addressed by an item's ``id`` or
``code`` (``kpis.sales.target``, ``products.SE-CLOUD-Y.list_price``) or by its 0-based position
(``products.0.list_price``); a text in one language by the language (``parties.partner.name.en``);
a list of values (``territory.regions``) is written in one cell, separated by ``;`` or ``；``. An
empty cell keeps the base deal's value; ``-`` removes it (a group of fields, such as
``appointment.minimum_commitment``, may be a column for that alone). The column ``output`` names
the row's output files.

Pure: no I/O. Problems are reported as :class:`~agreementkit.errors.Problem` with the batch file,
the row's line and the column.
"""

from __future__ import annotations

import copy
import dataclasses
import re
import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from agreementkit.deal.validation import validate_document
from agreementkit.deal.yamlio import LoadedYaml
from agreementkit.errors import Problem, ValidationFailed
from agreementkit.models.common import LANGS, Text
from agreementkit.models.deal import Deal

OUTPUT_COLUMN = "output"
REMOVE = "-"


class RowProblem(ValueError):
    """A cell that cannot be written into the deal, with its column."""

    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column
        self.message = message
_LIST_SEPARATOR = re.compile(r"\s*[;；\n]\s*")
_NUMBER = re.compile(r"^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')
_MAX_STEM = 80

Step = str | int


@dataclass(frozen=True)
class Column:
    """One column of the batch file: where it writes in the deal, and how the cell is read."""

    name: str
    index: int
    path: tuple[Step, ...]
    kind: str  # "value", "number", "list", "text_lang", "list_lang" or "group" (only "-": remove it)
    lang: str | None = None


def _unwrap(annotation: Any) -> Any:
    """``X | None`` → X; ``Annotated[X, ...]`` → X."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _field(model: type[BaseModel], key: str) -> tuple[str, Any] | None:
    """The YAML key and the annotation of ``model``'s field written ``key`` in a deal file."""
    for name, info in model.model_fields.items():
        if key in (info.alias or name, name):
            return info.alias or name, _unwrap(info.annotation)
    return None


def _keys(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def _numeric(annotation: Any) -> bool:
    import decimal

    return isinstance(annotation, type) and issubclass(annotation, int | float | decimal.Decimal) and annotation is not bool


def _select(items: Any, step: str, where: str) -> int:
    """The index of the list item ``step`` names: a position, or an item's ``id`` / ``code``."""
    items = items if isinstance(items, list) else []
    if step.isdigit():
        if int(step) < len(items):
            return int(step)
        raise ValueError(f"{where} has {len(items)} item(s) in the base deal; there is no item {step}")
    for index, item in enumerate(items):
        if isinstance(item, Mapping) and step in (str(item.get("id")), str(item.get("code"))):
            return index
    named = [str(i.get("id") or i.get("code")) for i in items if isinstance(i, Mapping) and (i.get("id") or i.get("code"))]
    known = ", ".join(named) if named else "none with an id or code; use a position 0, 1, …"
    raise ValueError(f"{where} has no item with id or code {step!r}; the base deal's are {known}")


def resolve_column(name: str, index: int, base: Mapping[str, Any]) -> Column:
    """Where the column ``name`` writes in a deal like ``base``; ValueError says why it cannot."""
    steps = name.strip().split(".")
    model: Any = Deal
    data: Any = base
    path: list[Step] = []
    i = 0
    while i < len(steps):
        step = steps[i]
        where = ".".join(str(p) for p in path) or "the deal"
        if not _is_model(model):
            raise ValueError(f"{where} is a single value; nothing lies below it ({name!r})")
        if model is Text:
            if step not in LANGS or i != len(steps) - 1:
                raise ValueError(f"{where} is a text: end the column with zh-TW or en, or name the text itself")
            return Column(name, index, tuple(path), "text_lang", step)
        found = _field(model, step)
        if found is None:
            raise ValueError(f"{where} has no field {step!r}; its fields are {', '.join(_keys(model))}")
        key, annotation = found
        path.append(key)
        data = data.get(key) if isinstance(data, Mapping) else None
        if typing.get_origin(annotation) is list:
            item = _unwrap(typing.get_args(annotation)[0])
            rest = steps[i + 1:]
            if _is_model(item) and item is not Text:
                if not rest:
                    raise ValueError(f"{name!r} is a list of items: address one, e.g. {name}.0.<field> or {name}.<id>.<field>")
                position = _select(data, rest[0], ".".join(str(p) for p in path))
                path.append(position)
                data = data[position]
                model = item
                i += 2
                continue
            if item is Text and rest and rest[0] in LANGS and len(rest) == 1:
                return Column(name, index, tuple(path), "list_lang", rest[0])
            if rest:
                raise ValueError(f"{'.'.join(str(p) for p in path)} is a list of values, written in one cell separated by ';'")
            return Column(name, index, tuple(path), "list")
        model = annotation
        i += 1
    if _is_model(model) and model is not Text:
        return Column(name, index, tuple(path), "group")
    return Column(name, index, tuple(path), "number" if _numeric(model) else "value")


def resolve_columns(header: Sequence[str], base: Mapping[str, Any], file: str, line: int) -> list[Column]:
    """Every column of ``header`` except ``output``; ValidationFailed lists each bad column at once."""
    columns: list[Column] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(header):
        name = raw.strip()
        if not name or name == OUTPUT_COLUMN:
            continue
        if name in seen:
            problems.append(Problem(f"the column appears twice (also column {seen[name] + 1})", file, line, column=name))
            continue
        seen[name] = index
        try:
            columns.append(resolve_column(name, index, base))
        except ValueError as exc:
            problems.append(Problem(str(exc), file, line, column=name))
    if problems:
        raise ValidationFailed(f"{file}: {len(problems)} column(s) that name no field of the base deal", problems)
    return columns


def _container(data: dict[str, Any], path: tuple[Step, ...]) -> Any:
    node: Any = data
    for step in path[:-1]:
        if isinstance(step, int):
            node = node[step]
        else:
            if not isinstance(node.get(step), dict | list):
                node[step] = {}
            node = node[step]
    return node


def _cell_value(column: Column, cell: str) -> Any:
    if column.kind == "number" and _NUMBER.match(cell):
        return cell.replace(",", "")
    if column.kind in ("list", "list_lang"):
        return [part for part in _LIST_SEPARATOR.split(cell) if part]
    return cell


def apply_row(base: Mapping[str, Any], columns: Sequence[Column], cells: Sequence[str]) -> dict[str, Any]:
    """The base deal's data with this row's non-empty cells written in; ``base`` is not changed."""
    data: dict[str, Any] = copy.deepcopy(dict(base))
    for column in columns:
        cell = cells[column.index].strip() if column.index < len(cells) else ""
        if not cell:
            continue
        parent = _container(data, column.path)
        key = column.path[-1]
        if cell == REMOVE:
            if isinstance(parent, dict):
                parent.pop(key, None)
            continue
        if column.kind == "group":
            raise RowProblem(column.name, f"{'.'.join(map(str, column.path))} is a group of fields: name one of "
                             f"them as the column, or write {REMOVE} to remove the group")
        value = _cell_value(column, cell)
        if column.kind == "text_lang":
            current = parent.get(key) if isinstance(parent, dict) else None
            text = dict(current) if isinstance(current, Mapping) else {}
            text[column.lang] = value
            parent[key] = text
        elif column.kind == "list_lang":
            current = parent.get(key)
            merged = [dict(item) if isinstance(item, Mapping) else {} for item in current] if _fresh(current, column) else []
            merged += [{} for _ in range(len(value) - len(merged))]
            for item, part in zip(merged, value, strict=False):
                item[column.lang] = part
            parent[key] = _Written(merged)
        else:
            parent[key] = value
    plain: dict[str, Any] = _plain(data)
    return plain


class _Written(list[Any]):
    """A list this row has written (so a second language column merges into it)."""


def _fresh(current: Any, column: Column) -> bool:
    del column
    return isinstance(current, _Written)


def _plain(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    return node


def row_deal(
    base: Mapping[str, Any], columns: Sequence[Column], cells: Sequence[str], file: Path, line: int
) -> Deal:
    """The validated deal of one row; ValidationFailed names the file, the row's line and the column."""
    try:
        data = apply_row(base, columns, cells)
    except RowProblem as exc:
        raise ValidationFailed(f"{file}:{line}: 1 problem in the row", [Problem(exc.message, str(file), line, column=exc.column)]) from None
    loaded = LoadedYaml(data=data, path=file, lines={(): line})
    try:
        return validate_document(Deal, loaded, f"row {line} of the batch")
    except ValidationFailed as exc:
        by_path = {".".join(str(p) for p in c.path): c.name for c in columns}
        problems = [dataclasses.replace(p, column=_column_of(p.field, by_path)) for p in exc.problems]
        raise ValidationFailed(f"{file}:{line}: {len(problems)} problem(s) in the row", problems) from None


def _column_of(field: str | None, by_path: Mapping[str, str]) -> str | None:
    """The column that wrote ``field`` (or a field above it); None when the base deal's value is at fault."""
    if not field:
        return None
    parts = re.sub(r"\[(\d+)\]", r".\1", field).split(".")
    while parts:
        name = by_path.get(".".join(parts))
        if name is not None:
            return name
        parts.pop()
    return None


def output_stem(cells: Sequence[str], header: Sequence[str], columns: Sequence[Column], line: int, fallback: str) -> str:
    """The row's file name without extension: the ``output`` cell, else the partner's name, else
    ``<fallback>-<line>``; characters a file system refuses are replaced by ``_``."""
    named = {h.strip(): i for i, h in enumerate(header)}
    candidates = [OUTPUT_COLUMN, "parties.partner.name", "parties.partner.name.zh-TW", "parties.partner.name.en"]
    for name in candidates:
        index = named.get(name)
        if index is not None and index < len(cells) and cells[index].strip():
            stem = _UNSAFE_NAME.sub("_", cells[index].strip()).strip(" ._")[:_MAX_STEM]
            if stem:
                return stem
    del columns
    return f"{fallback}-{line}"
