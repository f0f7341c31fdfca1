"""Shared fixtures: paths to the repository's examples and helpers to write deal files inline."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
ZH_DISTRIBUTOR = EXAMPLES / "distributor-zh-TW.yaml"
EN_RESELLER = EXAMPLES / "reseller-en.yaml"
BILINGUAL_ALLIANCE = EXAMPLES / "alliance-bilingual.yaml"


# The on-disk library cache of a test session (and of its CLI subprocesses) lives in a temporary
# folder, set before any test module is imported, so tests never read or fill the user's cache.
_CACHE_DIR = tempfile.mkdtemp(prefix="agreementkit-test-cache-")
os.environ["AGREEMENTKIT_CACHE_DIR"] = _CACHE_DIR
atexit.register(shutil.rmtree, _CACHE_DIR, True)


def in_ci() -> bool:
    """CI installs every system tool; there a missing tool is a failure, not a skip."""
    return bool(os.environ.get("CI"))


def need_tool(name: str) -> str:
    """Path of a system tool; skip locally when absent, fail in CI."""
    path = shutil.which(name)
    if path is None:
        if in_ci():
            pytest.fail(f"{name} is required in CI (.ci/run installs it)")
        pytest.skip(f"{name} not installed")
    return path


@pytest.fixture
def example_copy(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Copy an example deal into tmp_path, optionally editing its text, and return the new path."""

    def make(
        source: Path = ZH_DISTRIBUTOR, replace: dict[str, str] | None = None, name: str | None = None
    ) -> Path:
        text = source.read_text(encoding="utf-8")
        for old, new in (replace or {}).items():
            assert old in text, f"{old!r} not in {source.name}"
            text = text.replace(old, new)
        target = tmp_path / (name or source.name)
        target.write_text(text, encoding="utf-8")
        return target

    return make
