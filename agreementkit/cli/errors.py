"""The one place user-facing errors become a message on stderr and an exit code."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from agreementkit.errors import AgreementKitError

F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(func: F) -> F:
    """Print an AgreementKitError as its lines on stderr and exit with its code; never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except AgreementKitError as exc:
            if exc.problems:
                click.echo(f"error: {exc.message}", err=True)
            for line in exc.lines():
                click.echo(line if exc.problems else f"error: {line}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)

    return wrapper  # type: ignore[return-value]
