"""A standard output that cannot be written: one line on stderr, exit 2, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from agreementkit.cli.errors import EXIT_STDOUT

REPO = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(REPO)}
RUN = [sys.executable, "-m", "agreementkit"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["schema"], ["--help"], ["library", "list"]])
def test_stdout_is_dev_full(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run([*RUN, *args], env=ENV, stdout=full, stderr=subprocess.PIPE, timeout=120)
    err = done.stderr.decode()
    assert done.returncode == EXIT_STDOUT
    assert "Traceback" not in err and "Exception ignored" not in err
    assert err.strip() == "error: cannot write to standard output: No space left on device"


def test_stdout_pipe_closed_by_reader() -> None:
    """As with ``agreementkit schema | head -0``: the reader is gone before we write."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [*RUN, "schema"], env=ENV, stdout=write_end, stderr=subprocess.PIPE, timeout=120
        )
    finally:
        os.close(write_end)
    err = done.stderr.decode()
    assert done.returncode == EXIT_STDOUT
    assert "Traceback" not in err and "Exception ignored" not in err
    assert err.strip() == "error: cannot write to standard output: the reader closed the pipe"
