"""Turn pydantic validation errors into one located line each: ``FILE:LINE: field.path: message``."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from agreementkit.deal.yamlio import LoadedYaml, Loc
from agreementkit.errors import Problem, ValidationFailed

M = TypeVar("M", bound=BaseModel)

_FRIENDLY = {
    "extra_forbidden": "unknown key; remove it or check its spelling",
    "missing": "required; add this key",
}


def dotted(loc: Loc) -> str:
    """('kpis', 0, 'weight') → 'kpis[0].weight'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
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
    return msg


def _clean_loc(loc: tuple[Any, ...]) -> Loc:
    # pydantic adds the names of union members and function validators to loc; drop them.
    return tuple(p for p in loc if isinstance(p, int) or not str(p).startswith(("function-", "str", "Text")))


def validate_document(model: type[M], loaded: LoadedYaml, what: str) -> M:
    """Validate ``loaded.data`` against ``model``; raise ValidationFailed listing every problem."""
    from agreementkit.models.deal import CrossFieldError

    file = str(loaded.path)
    if not isinstance(loaded.data, dict):
        raise ValidationFailed(
            f"{file}: not a {what}",
            [Problem(f"the file must be a YAML mapping (key: value) of a {what}", file, 1)],
        )
    try:
        return model.model_validate(loaded.data)
    except CrossFieldError as exc:
        problems = [Problem(msg, file, loaded.line_of(loc), dotted(loc)) for loc, msg in exc.problems]
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            loc = _clean_loc(tuple(error["loc"]))
            problems.append(Problem(_message(error), file, loaded.line_of(loc), dotted(loc) or "(top level)"))
    problems.sort(key=lambda p: (p.line or 0, p.field or ""))
    raise ValidationFailed(f"{file}: {len(problems)} problem(s) in the {what}", problems)
