"""The compile-once environment used for DOCX parts: same Template back, same sandbox, same escaping."""

from __future__ import annotations

import pytest
from jinja2.exceptions import SecurityError, UndefinedError

from agreementkit.library.jinja import shared_env


def test_a_source_is_compiled_once_and_renders_as_a_fresh_compile_would() -> None:
    env = shared_env(autoescape=True)
    first = env.from_string("<w:t>{{ name }}</w:t>")
    assert env.from_string("<w:t>{{ name }}</w:t>") is first
    assert first.render(name="A & <B>") == "<w:t>A &amp; &lt;B&gt;</w:t>"
    assert first.render(name="甲方") == "<w:t>甲方</w:t>"


def test_the_shared_environment_is_still_the_strict_sandbox() -> None:
    env = shared_env(autoescape=True)
    with pytest.raises(SecurityError):
        env.from_string("{{ ''.__class__.__mro__ }}").render()
    with pytest.raises(UndefinedError):
        env.from_string("{{ missing_value }}").render()


def test_templates_with_their_own_globals_are_not_shared() -> None:
    env = shared_env(autoescape=False)
    a = env.from_string("{{ x }}", globals={"x": 1})
    b = env.from_string("{{ x }}", globals={"x": 2})
    assert (a.render(), b.render()) == ("1", "2")


def test_the_memo_is_bounded() -> None:
    env = shared_env(autoescape=False)
    for i in range(env.LIMIT + 10):  # type: ignore[attr-defined]
        assert env.from_string(f"{i}-{{{{ 1 + 1 }}}}").render() == f"{i}-2"
    assert len(env._compiled) <= env.LIMIT  # type: ignore[attr-defined]
