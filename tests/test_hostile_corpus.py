"""The hostile-input corpus: every ``tests/data/hostile/<area>/cases.yaml`` run through the CLI.

Each case is ``{name, file, args, exit, message}``: ``file`` is a file (or folder) in the area's
folder, or null; in ``args`` the runner replaces ``{file}`` by its path, ``{tmp}`` by a fresh
empty folder, ``{dir}`` by the area's folder and ``{examples}`` by the repository's examples
folder. Every case must end with the ``exit`` code and output matching the ``message`` regex,
print no traceback, write nothing into ``{tmp}`` unless it exits 0, and answer within
``CASE_TIMEOUT_S`` seconds (tests/helpers_cli.py: a guard against hangs, not a speed test).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.conftest import EXAMPLES, REPO
from tests.helpers_cli import CASE_TIMEOUT_S, files_in, invoke, outcome_problem

HOSTILE = REPO / "tests" / "data" / "hostile"
CASE_KEYS = {"name", "file", "args", "exit", "message"}


@dataclass(frozen=True)
class Case:
    area: str
    name: str
    file: str | None
    args: tuple[str, ...]
    exit: int
    message: str

    @property
    def folder(self) -> Path:
        return HOSTILE / self.area


def _cases() -> list[Case]:
    found = []
    for cases_file in sorted(HOSTILE.glob("*/cases.yaml")):
        area = cases_file.parent.name
        for raw in YAML(typ="safe").load(cases_file.read_text(encoding="utf-8")) or []:
            assert isinstance(raw, dict) and set(raw) == CASE_KEYS, f"{cases_file}: bad case {raw!r}"
            found.append(
                Case(area, str(raw["name"]), raw["file"], tuple(map(str, raw["args"])), int(raw["exit"]),
                     str(raw["message"]))
            )
    return found


CASES = _cases()


@pytest.mark.parametrize("case", CASES, ids=[f"{c.area}/{c.name}" for c in CASES])
def test_hostile_case(case: Case, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    file = case.folder / case.file if case.file else None
    if file is not None:
        assert file.exists(), f"{case.area}/cases.yaml: {case.name}: {file} is missing"
    subs = {"{tmp}": str(out), "{dir}": str(case.folder), "{examples}": str(EXAMPLES)}
    if file is not None:
        subs["{file}"] = str(file)
    args = []
    for arg in case.args:
        for key, value in subs.items():
            arg = arg.replace(key, value)
        args.append(arg)
    result = invoke(args, CASE_TIMEOUT_S)
    label = f"{case.area}/{case.name}"
    problem = outcome_problem(result)
    assert problem is None, f"{label}: {problem}"
    output = result.output
    assert result.exit_code == case.exit, f"{label}: exit {result.exit_code}, expected {case.exit}:\n{output}"
    assert re.search(case.message, output), f"{label}: no match for {case.message!r} in:\n{output}"
    if case.exit != 0:
        assert files_in(out) == [], f"{label}: exit {case.exit} but wrote {files_in(out)}"


def test_every_area_has_cases() -> None:
    areas = {c.area for c in CASES}
    assert "deal" in areas
    for area in areas:
        names = [c.name for c in CASES if c.area == area]
        assert len(names) == len(set(names)), f"{area}: duplicate case names"
