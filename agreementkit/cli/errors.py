"""The one place user-facing errors become a message on stderr and an exit code.

A standard output that cannot be written — ``> /dev/full``, a pipe whose reader has gone
(``| head -1``), a closed descriptor — is an I/O problem like any other: one line on stderr and
exit :data:`EXIT_STDOUT`, never a traceback, and nothing more is attempted on stdout (Python would
otherwise fail again while flushing it at exit).
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from agreementkit.errors import AgreementKitError

F = TypeVar("F", bound=Callable[..., Any])
# Standard output unusable: the same code as any other output path we cannot write to.
EXIT_STDOUT = 2
EXIT_INTERRUPTED = 130


def _say(line: str) -> None:
    """One line on stderr; if stderr is broken too there is nobody left to tell."""
    with contextlib.suppress(OSError, ValueError):
        click.echo(line, err=True)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail a second time."""
    # io.UnsupportedOperation: a stream without a descriptor, e.g. under click's CliRunner.
    with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def stdout_failed(exc: OSError) -> int:
    """Report that standard output could not be written and return the exit code."""
    reason = "the reader closed the pipe" if isinstance(exc, BrokenPipeError) else (exc.strerror or str(exc))
    _silence_stdout()
    _say(f"error: cannot write to standard output: {reason}")
    return EXIT_STDOUT


def _flush_stdout() -> None:
    stream = sys.stdout
    if stream is not None:
        stream.flush()


def handle_errors(func: F) -> F:
    """Print an AgreementKitError as its lines on stderr and exit with its code; never a traceback.

    Also flushes stdout before returning, so a full or closed stdout is reported here
    (:func:`stdout_failed`) rather than as a traceback when the interpreter exits.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            result = func(*args, **kwargs)
            _flush_stdout()
            return result
        except AgreementKitError as exc:
            if exc.problems:
                _say(f"error: {exc.message}")
            for line in exc.lines():
                _say(line if exc.problems else f"error: {line}")
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            _say("interrupted")
            sys.exit(EXIT_INTERRUPTED)
        except OSError as exc:
            # Domain code turns every file problem into an AgreementKitError naming the file, so an
            # OSError without a file name reaching here comes from writing to stdout.
            if isinstance(exc, BrokenPipeError) or exc.filename is None:
                sys.exit(stdout_failed(exc))
            raise

    return wrapper  # type: ignore[return-value]


class Program(click.Group):
    """The top-level group: click's standalone handling plus a guarded stdout.

    ``--help`` and ``--version`` print before any command runs, so a broken stdout there is
    caught here, with the same message and exit code as inside a command.
    """

    def main(
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the program; in standalone mode exit with its code."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            result = super().main(args, prog_name, complete_var, False, **extra)
            _flush_stdout()
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.Abort:
            _say("Aborted!")
            sys.exit(1)
        except OSError as exc:
            if isinstance(exc, BrokenPipeError) or exc.filename is None:
                sys.exit(stdout_failed(exc))
            raise
        sys.exit(result if isinstance(result, int) else 0)
