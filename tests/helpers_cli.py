"""Running the CLI in-process against hostile input: a hang guard and the clean-outcome rules.

Shared by the hostile corpus (tests/test_hostile_corpus.py) and the fuzzer (tests/test_fuzz_cli.py).
"""

from __future__ import annotations

import signal
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from agreementkit.cli import main

# Generous: a guard against hangs, not a speed test.
CASE_TIMEOUT_S = 60


class CaseTimeout(Exception):
    """The command did not answer within the guard's time."""


@contextmanager
def time_guard(seconds: float) -> Iterator[None]:
    """Raise CaseTimeout inside the running command when it takes longer than ``seconds``."""
    if not hasattr(signal, "SIGALRM"):  # no alarms on this platform: run unguarded
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise CaseTimeout(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def invoke(args: list[str], seconds: float = CASE_TIMEOUT_S) -> Result:
    """Invoke the CLI in-process under the time guard (a hang shows as CaseTimeout in ``exception``)."""
    with time_guard(seconds):
        return CliRunner().invoke(main, args)


def outcome_problem(result: Result) -> str | None:
    """What breaks the promise in ``result`` (a hang, an escaped exception, a traceback, a bad exit
    code, an error without a message), or None when the outcome is clean."""
    output = result.output
    if isinstance(result.exception, CaseTimeout):
        return f"hang: {result.exception}"
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        detail = "".join(traceback.format_exception(result.exception))
        return f"{type(result.exception).__name__} escaped:\n{detail[-3000:]}"
    if "Traceback (most recent call last)" in output:
        return f"traceback printed:\n{output[-2000:]}"
    if not 0 <= result.exit_code <= 6:  # 6: a notice refused (late, or no basis in the agreement)
        return f"exit code {result.exit_code} is outside 0-6:\n{output[-1000:]}"
    if not output.strip():
        return f"exit {result.exit_code} without any message"
    return None


def files_in(folder: Path) -> list[str]:
    """Every file and folder below ``folder``, relative, sorted."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))
