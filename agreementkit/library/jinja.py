"""The one place a Jinja environment is made: sandboxed, strict, with our filters.

Clause bodies, DOCX templates and HTML templates all render through :func:`make_env`, so
untrusted clause files (a user's ``--library``) cannot reach Python internals, and a typo in
a variable name is an error rather than silent empty text.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from jinja2 import StrictUndefined, Template, pass_context
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from agreementkit.locale import formatting
from agreementkit.models.common import Lang, Text

# Markers that clause text uses to place a cross-reference or a table; assembly turns them
# into Ref and Table nodes. Private-use code points never occur in real contract text.
REF_OPEN, REF_CLOSE = "\ue000", "\ue001"
TABLE_OPEN, TABLE_CLOSE = "\ue002", "\ue003"


def _lang(ctx: Context) -> Lang:
    lang = ctx.get("lang", "zh-TW")
    return "en" if lang == "en" else "zh-TW"


def localize(value: Any, lang: Lang) -> Any:
    """Resolve Text / {'zh-TW','en'} dicts to the string for ``lang``, recursively through lists."""
    if isinstance(value, Text):
        return value.get(lang)
    if isinstance(value, Mapping) and set(value) <= {"zh-TW", "en"} and value:
        primary = value.get(lang)
        return primary if primary is not None else next(iter(value.values()))
    if isinstance(value, list | tuple):
        return [localize(v, lang) for v in value]
    return value


@pass_context
def _tr(ctx: Context, value: Any) -> Any:
    return localize(value, _lang(ctx))


@pass_context
def _money(ctx: Context, amount: Decimal | int, currency: str = "TWD", capital: bool = True) -> str:
    return formatting.money(Decimal(amount), currency, _lang(ctx), capital)


@pass_context
def _percent(ctx: Context, value: Decimal | int) -> str:
    return formatting.percent(Decimal(value), _lang(ctx))


@pass_context
def _date(ctx: Context, value: dt.date) -> str:
    return formatting.date_text(value, _lang(ctx), str(ctx.get("date_style", "western")))


@pass_context
def _count(ctx: Context, value: int) -> str:
    return formatting.count_text(int(value), _lang(ctx))


@pass_context
def _months(ctx: Context, value: int) -> str:
    return formatting.months_text(int(value), _lang(ctx))


@pass_context
def _join(ctx: Context, items: Sequence[Any], conjunction: str | None = None) -> str:
    lang = _lang(ctx)
    return formatting.join_items([str(localize(i, lang)) for i in items], lang, conjunction)


@pass_context
def _period(ctx: Context, period: str, noun: bool = False) -> str:
    table = formatting.PERIOD_NOUNS if noun else formatting.PERIOD_NAMES
    return table[period][_lang(ctx)]


def _number(value: Decimal | int, places: int | None = None) -> str:
    return formatting.format_number(Decimal(value), places)


def ref(target: str) -> str:
    """Place a cross-reference to clause or article ``target`` (resolved at assembly)."""
    return f"{REF_OPEN}{target}{REF_CLOSE}"


def table(name: str) -> str:
    """Place the schedule table ``name`` here (its own paragraph; built at assembly)."""
    return f"\n\n{TABLE_OPEN}{name}{TABLE_CLOSE}\n\n"


def make_env(
    autoescape: bool = False, kind: type[ImmutableSandboxedEnvironment] = ImmutableSandboxedEnvironment
) -> ImmutableSandboxedEnvironment:
    """A sandboxed environment with StrictUndefined and agreementkit's filters and globals."""
    env = kind(
        undefined=StrictUndefined,
        autoescape=autoescape,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        tr=_tr,
        money=_money,
        percent=_percent,
        date=_date,
        count=_count,
        months=_months,
        join_items=_join,
        period=_period,
        number=_number,
    )
    env.globals.update(ref=ref, table=table)
    return env


class _CompileOnceEnvironment(ImmutableSandboxedEnvironment):
    """A sandbox that compiles each template string once and hands back the same Template after.

    docxtpl compiles every XML part and core property of the template again on each render;
    a batch renders the same template hundreds of times. A Template is immutable once compiled
    and rendering it shares no state, so handing out the same one is safe. Bounded: only the
    first ``LIMIT`` distinct sources are kept (a template has a handful).
    """

    LIMIT = 256

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._compiled: dict[str, Template] = {}

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        template = self._compiled.get(source)
        if template is None:
            template = super().from_string(source)
            if len(self._compiled) < self.LIMIT:
                self._compiled[source] = template
        return template


@functools.cache
def shared_env(autoescape: bool) -> ImmutableSandboxedEnvironment:
    """One sandboxed environment per process for our own bundled or user templates rendered again
    and again (DOCX parts): like :func:`make_env`, but a template string is compiled only once.

    Callers must not change its settings, loader or globals; docxtpl re-sets ``autoescape`` to
    the value it was made with.
    """
    return make_env(autoescape, _CompileOnceEnvironment)
