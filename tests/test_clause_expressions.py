"""Clause expressions: the dotted-path shortcut of ``clauses.evaluate`` agrees with Jinja exactly.

``evaluate`` looks bare names and dotted paths up itself (the sandbox's ``getattr``, context, then
globals, else StrictUndefined) instead of compiling them. These tests compare it with Jinja's own
compiled expression on the same context: the same value, or the same error.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agreementkit.errors import TemplateRenderError
from agreementkit.library import clauses


@dataclass
class Node:
    """An object with attributes, some private, like the pydantic models clauses read."""

    name: str
    child: Any = None
    _secret: str = "hidden"

    def method(self) -> str:  # a bound method is returned, not called, by a path
        return self.name


def _jinja(expression: str, context: dict[str, Any]) -> Any:
    """What Jinja alone gives, through the same error handling as ``evaluate``."""
    dotted, literals = clauses._DOTTED, clauses._LITERALS
    try:
        clauses._DOTTED = clauses.re.compile(r"(?!)")  # never matches: every expression is compiled
        clauses._LITERALS = {}
        return clauses.evaluate(expression, context, "probe", "test")
    finally:
        clauses._DOTTED, clauses._LITERALS = dotted, literals


def _outcome(fn: Any, *args: Any) -> tuple[str, Any]:
    try:
        value = fn(*args)
    except TemplateRenderError as exc:
        return ("error", str(exc))
    return ("value", value if not callable(value) else ("callable", getattr(value, "__name__", "")))


CONTEXT: dict[str, Any] = {
    "deal": {"territory": {"regions": ["TW", "HK"]}, "kpis": [], "flag": False, "zero": 0, "none": None},
    "node": Node("a", Node("b", {"leaf": 3})),
    "text": "abc",
    "number": 7,
}
PATHS = [
    "deal", "deal.territory", "deal.territory.regions", "deal.kpis", "deal.flag", "deal.zero", "deal.none",
    "deal.missing", "deal.missing.deeper", "missing", "missing.x", "node.name", "node.child.name",
    "node.child.child.leaf", "node._secret", "node.__class__", "node.method", "node.child.missing",
    "text.upper", "text.missing", "number.real", "range", "ref", "deal.items", "deal.territory.regions.count",
    " deal.flag ", "true", "false", "none", "True", "None", "deal.none.x",
]  # fmt: skip


@pytest.mark.parametrize("path", PATHS)
def test_dotted_path_agrees_with_jinja(path: str) -> None:
    assert _outcome(clauses.evaluate, path, CONTEXT, "probe", "test") == _outcome(_jinja, path, CONTEXT)


def test_reserved_words_go_to_jinja() -> None:
    # "not x" / "deal.is" are not paths: Jinja decides (a value or a syntax error), never the shortcut
    assert clauses.evaluate("not deal.flag", CONTEXT, "probe", "test") is True
    with pytest.raises(TemplateRenderError):
        clauses.evaluate("deal.is", CONTEXT, "probe", "test")


def test_private_attribute_stays_refused() -> None:
    with pytest.raises(TemplateRenderError, match=r"unsafe|undefined|secret"):
        clauses.evaluate("node._secret", CONTEXT, "probe", "test")


_names = st.sampled_from(["deal", "node", "text", "territory", "regions", "child", "name", "leaf", "x", "_y",
                          "items", "none", "flag", "__class__", "missing"])  # fmt: skip
_leaves = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.text(max_size=3))
_values = st.recursive(
    _leaves,
    lambda inner: st.one_of(
        st.dictionaries(_names, inner, max_size=4),
        st.builds(Node, st.text(max_size=3), inner),
        st.lists(inner, max_size=2),
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(context=st.dictionaries(_names, _values, max_size=4), parts=st.lists(_names, min_size=1, max_size=4))
def test_any_path_on_any_context_agrees_with_jinja(context: dict[str, Any], parts: list[str]) -> None:
    path = ".".join(parts)
    assert _outcome(clauses.evaluate, path, context, "probe", "test") == _outcome(_jinja, path, context)
