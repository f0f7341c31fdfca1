"""Turn a loaded YAML document into a model, reporting every problem at once as
``FILE:LINE: field.path: message``.

One call checks, in this order and all in the same round: the values the YAML loader refused
(numbers out of range), every text value (:mod:`agreementkit.deal.textcheck`), the model's field
rules, and the rules pydantic did not reach because some field was invalid
(:mod:`agreementkit.deal.partial`). One problem is reported per field.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from agreementkit.deal.bounds import date_problem, number_problem
from agreementkit.deal.partial import unreached_problems
from agreementkit.deal.textcheck import CHARACTERS_ONLY, TextPolicy, check_texts, printable
from agreementkit.deal.yamlio import LoadedYaml, Loc
from agreementkit.errors import Problem, ValidationFailed

M = TypeVar("M", bound=BaseModel)

_FRIENDLY = {
    "extra_forbidden": "unknown key; remove it or check its spelling",
    "missing": "required; add this key",
}

# Deal files: names, addresses, places and other short texts are one line of at most 300
# characters; free-text fields (recitals, descriptions) at most 2,000; a list at most 500 items.
# The README's deal-file section states these limits.
DEAL_TEXT = TextPolicy(
    short_limit=300,
    long_limit=2000,
    long_fields=frozenset({"purpose", "reserved_customers", "description"}),
    normalise_digits=frozenset({"tax_id"}),
    max_items=500,
)


def _policy(model: type[BaseModel]) -> TextPolicy:
    from agreementkit.models.deal import Deal

    return DEAL_TEXT if issubclass(model, Deal) else CHARACTERS_ONLY


def dotted(loc: Loc) -> str:
    """('kpis', 0, 'weight') → 'kpis[0].weight'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + printable(str(part))
    return out


def _message(error: Any) -> str:
    kind = error.get("type", "")
    if kind in _FRIENDLY:
        return str(_FRIENDLY[kind])
    msg = str(error.get("msg", "invalid value"))
    for prefix in ("Value error, ", "Assertion failed, "):
        if msg.startswith(prefix):
            msg = msg[len(prefix) :]
    if kind.startswith("literal_error"):
        msg = msg.replace("Input should be", "must be one of:")
    if kind == "date_from_datetime_inexact":
        return "has a time of day; write only the date, as YYYY-MM-DD"
    if kind.startswith(("date_", "datetime_")) and isinstance(error.get("input"), str):
        reason = msg.split(", ", 1)[-1] if ", " in msg else msg
        msg = f"{error['input']} is not a date ({reason}); write it as YYYY-MM-DD"
    return printable(msg)


def _clean_loc(loc: tuple[Any, ...]) -> Loc:
    # pydantic adds the names of union members and function validators to loc; drop them.
    return tuple(p for p in loc if isinstance(p, int) or not str(p).startswith(("function-", "str", "Text")))


def _under(loc: Loc, ancestor: Loc) -> bool:
    return loc[: len(ancestor)] == ancestor


def _value_at(data: Any, loc: Loc) -> Any:
    for part in loc:
        inside_list = isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)
        if inside_list or (isinstance(data, dict) and part in data):
            data = data[part]
        else:
            return None
    return data


def _split_by_comma(loaded: LoadedYaml, data: Any, loc: Loc) -> tuple[Loc, str] | None:
    """When ``loc`` is a key that a comma cut off an unquoted value in ``{...}``, explain that.

    ``{en: Acme Co., Ltd.}`` reads as ``en: Acme Co.`` plus a key ``Ltd.`` with no value.
    """
    parent_loc = loc[:-1]
    parent = _value_at(data, parent_loc)
    if parent_loc not in loaded.flow_maps or not isinstance(parent, dict) or parent.get(loc[-1]) is not None:
        return None
    keys = list(parent)
    index = keys.index(loc[-1])
    pieces = [str(loc[-1])]
    for key in reversed(keys[:index]):
        value = parent[key]
        if value is None:
            pieces.insert(0, str(key))
            continue
        if not isinstance(value, str):
            return None
        whole = ", ".join([value, *pieces])
        return (
            (*parent_loc, key),
            f'a comma inside {{...}} cut this value short, so "{printable(pieces[-1])}" became a key; '
            f'put the value in quotes: {printable(str(key))}: "{printable(whole)}"',
        )
    return None


def _range_problems(value: Any, loc: Loc) -> list[tuple[Loc, str]]:
    """Numbers and dates a validated model holds that are out of range (e.g. given as quoted text)."""
    if isinstance(value, BaseModel):
        found = []
        for name, info in type(value).model_fields.items():
            found += _range_problems(getattr(value, name), (*loc, info.alias or name))
        return found
    if isinstance(value, list | tuple):
        return [p for i, v in enumerate(value) for p in _range_problems(v, (*loc, i))]
    reason = None
    if isinstance(value, Decimal) or (isinstance(value, int) and not isinstance(value, bool)):
        reason = number_problem(Decimal(value))
    elif isinstance(value, dt.date):
        reason = date_problem(value.year)
    return [(loc, reason)] if reason else []


def validate_document(model: type[M], loaded: LoadedYaml, what: str) -> M:
    """Validate ``loaded.data`` against ``model``; raise ValidationFailed listing every problem."""
    from agreementkit.models.deal import CrossFieldError

    file = str(loaded.path)
    if not isinstance(loaded.data, dict):
        raise ValidationFailed(
            f"{file}: not a {what}",
            [Problem(f"the file must be a YAML mapping (key: value) of a {what}", file, 1)],
        )
    data, text_problems = check_texts(loaded.data, _policy(model))
    # one problem per field; nothing more about a value the loader or the text check refused
    found: list[tuple[Loc, str]] = [*loaded.problems, *text_problems]
    refused = [loc for loc, _ in found]
    later: list[tuple[Loc, str]] = []
    instance: M | None = None
    try:
        instance = model.model_validate(data)
    except CrossFieldError as exc:
        later = list(exc.problems)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            loc = _clean_loc(tuple(error["loc"]))
            hint = _split_by_comma(loaded, data, loc) if error.get("type") == "extra_forbidden" else None
            later.append(hint or (loc, _message(error)))
        reported = [loc for loc, _ in later]
        later += [
            (loc, msg)
            for loc, msg in unreached_problems(model, data)
            if not any(_under(loc, r) for r in reported)
        ]
    if instance is not None:
        later += _range_problems(instance, ())
    seen = set(refused)
    for loc, msg in later:
        if loc not in seen and not any(_under(loc, r) for r in refused):
            found.append((loc, msg))
            seen.add(loc)
    if instance is not None and not found:
        return instance
    problems = [Problem(msg, file, loaded.line_of(loc), dotted(loc) or "(top level)") for loc, msg in found]
    problems.sort(key=lambda p: (p.line or 0, p.field or ""))
    raise ValidationFailed(f"{file}: {len(problems)} problem(s) in the {what}", problems)
