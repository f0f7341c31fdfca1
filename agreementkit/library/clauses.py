"""Render one clause: read its variables from the deal, pick its variant, fill its body.

Pure functions over the models; every Jinja failure is re-raised as a TemplateRenderError
naming the clause, the variant, the language and the line.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from jinja2 import Template, TemplateError, Undefined
from jinja2.environment import TemplateExpression
from jinja2.sandbox import ImmutableSandboxedEnvironment

from agreementkit.errors import TemplateRenderError
from agreementkit.library.jinja import localize, make_env
from agreementkit.models.clause import ClauseFile, Variable, Variant
from agreementkit.models.common import Lang, Text

_ENV: ImmutableSandboxedEnvironment | None = None


def env() -> ImmutableSandboxedEnvironment:
    """The shared sandboxed environment for clause text (no autoescape: the output is plain text)."""
    global _ENV
    if _ENV is None:
        _ENV = make_env(autoescape=False)
    return _ENV


@functools.lru_cache(maxsize=2048)
def _compiled(source: str) -> Template:
    """Compile a clause body once; the library is read-only while a process runs."""
    return env().from_string(source)


@functools.lru_cache(maxsize=4096)
def _compiled_expression(expression: str) -> TemplateExpression:
    """Compile a clause expression (``when``, ``from``) once, in the sandbox; Undefined is kept, not None."""
    return env().compile_expression(expression, undefined_to_none=False)


# A bare name or dotted path (``deal.territory.regions``): two thirds of the library's conditions and
# sources. They are looked up with the sandbox's own ``getattr`` rather than compiled, which saves
# the Jinja compile on a cold start; anything else goes through Jinja.
_DOTTED = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")
_LITERALS = {"true": True, "True": True, "false": False, "False": False, "none": None, "None": None}
# Words Jinja reads as operators or constants: a path containing one is left to Jinja.
_RESERVED = frozenset({"and", "or", "not", "in", "is", "if", "else", *_LITERALS})


def _dotted(path: str, context: Mapping[str, Any]) -> Any:
    """``path`` evaluated as Jinja would: context, then globals, else Undefined; sandboxed getattr."""
    environment = env()
    name, *attributes = path.split(".")
    if name in context:
        value = context[name]
    elif name in environment.globals:
        value = environment.globals[name]
    else:
        value = environment.undefined(name=name)
    for attribute in attributes:
        value = environment.getattr(value, attribute)
    return value


def _where(exc: TemplateError) -> str:
    line = getattr(exc, "lineno", None)
    return f" (line {line} of the body)" if line else ""


def evaluate(expression: str, context: Mapping[str, Any], clause_id: str, what: str) -> Any:
    """Evaluate a Jinja expression from a clause file in the sandbox."""
    try:
        text = expression.strip()
        if text in _LITERALS:
            result = _LITERALS[text]
        elif _DOTTED.fullmatch(text) and _RESERVED.isdisjoint(text.split(".")):
            result = _dotted(text, context)
        else:
            result = _compiled_expression(expression)(**context)
        if isinstance(result, Undefined):  # testing it later would raise outside this handler
            result._fail_with_undefined_error()
        return result
    except TemplateError as exc:
        raise TemplateRenderError(f"clause {clause_id!r}: {what} `{expression}` failed: {exc}") from None
    except (TypeError, ValueError, AttributeError, ArithmeticError, RecursionError) as exc:
        raise TemplateRenderError(f"clause {clause_id!r}: {what} `{expression}` failed: {exc}") from None


def _check_type(clause_id: str, name: str, var: Variable, value: Any) -> Any:
    if value is None:
        if var.optional:
            return None
        raise TemplateRenderError(f"clause {clause_id!r}: variable {name!r} (from `{var.source}`) is empty")
    ok: bool
    match var.type:
        case "string":
            ok = isinstance(value, str)
        case "integer":
            ok = isinstance(value, int) and not isinstance(value, bool)
        case "number" | "money" | "percent":
            if isinstance(value, int | str) and not isinstance(value, bool):
                try:
                    value = Decimal(value)
                except ArithmeticError:
                    ok = False
            ok = isinstance(value, Decimal)
        case "boolean":
            ok = isinstance(value, bool)
        case "date":
            ok = isinstance(value, dt.date)
        case "text":
            ok = isinstance(value, Text | str) or (
                isinstance(value, Mapping) and set(value) <= {"zh-TW", "en"}
            )
        case "text_list" | "list":
            ok = isinstance(value, list | tuple)
        case _:
            ok = True
    if not ok:
        raise TemplateRenderError(
            f"clause {clause_id!r}: variable {name!r} should be {var.type}, got {type(value).__name__}"
        )
    return value


def variables_from_deal(
    clause: ClauseFile, context: Mapping[str, Any], memo: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Evaluate every variable's ``from`` expression against ``context`` (deal, outline).

    ``memo`` (one dict per ``context``) keeps each expression's value: many clauses read the
    same deal fields, and the sandbox has no side effects, so an expression evaluated once
    against the same context gives the same value.
    """
    values: dict[str, Any] = {}
    for name, var in clause.variables.items():
        if memo is not None and var.source in memo:
            raw = memo[var.source]
        else:
            raw = evaluate(var.source, context, clause.id, f"variable {name!r}")
            if memo is not None:
                memo[var.source] = raw
        values[name] = _check_type(clause.id, name, var, raw)
    return values


def choose_variant(clause: ClauseFile, variables: Mapping[str, Any]) -> Variant:
    """The first variant whose ``when`` holds."""
    for variant in clause.variants:
        if evaluate(variant.when, variables, clause.id, f"variant {variant.id!r} condition"):
            return variant
    raise TemplateRenderError(
        f"clause {clause.id!r}: no variant's condition holds for these values; add a variant with `when: 'true'`"
    )


def render_text(
    clause: ClauseFile,
    variant: Variant,
    lang: Lang,
    variables: Mapping[str, Any],
    extra: Mapping[str, Any] | None = None,
) -> str:
    """The variant's body in ``lang`` with Text values localised."""
    context: dict[str, Any] = {}
    for name, value in variables.items():
        declared = clause.variables.get(name)
        localised = isinstance(value, Text) or (
            declared is not None and declared.type in ("text", "text_list")
        )
        context[name] = localize(value, lang) if localised else value
    context.update(extra or {})
    context["lang"] = lang
    source = variant.body.get(lang)
    try:
        return _compiled(source).render(context).strip()
    except TemplateError as exc:
        raise TemplateRenderError(
            f"clause {clause.id!r}, variant {variant.id!r}, {lang}{_where(exc)}: {exc}"
        ) from None
    except (TypeError, ValueError, AttributeError, ArithmeticError, RecursionError) as exc:
        raise TemplateRenderError(f"clause {clause.id!r}, variant {variant.id!r}, {lang}: {exc}") from None
