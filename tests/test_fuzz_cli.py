"""Fuzzing the CLI in-process: mutated deals, clause files, playbooks, actuals and documents.

Every outcome must be an exit code 0-5 with a message, no traceback (nothing but SystemExit
escapes), no hang, and no output file unless the command succeeded.

Example counts are small by default so CI stays fast; one command runs a long campaign::

    FUZZ_EXAMPLES=2000 python -m pytest tests/test_fuzz_cli.py -p no:randomly

``FUZZ_EXAMPLES`` is the number of examples for each of the six targets. With
``FUZZ_COLLECT=DIR`` failures do not stop the run: each failing input is saved in ``DIR`` with
the command and what went wrong (promote real ones to tests/data/fuzz_regressions/, which
:func:`test_fuzz_regressions` replays on every run), and the run fails at the end if any were
found; outcome counts go to ``DIR/progress.txt`` as it runs and ``DIR/summary.txt`` at the end.
Run one target with ``-k``, e.g. ``-k "fuzz_deal or summary"``.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import tempfile
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from tests.conftest import EXAMPLES, REPO
from tests.helpers_cli import files_in, invoke, outcome_problem

EXAMPLE_COUNT = int(os.environ.get("FUZZ_EXAMPLES", "12"))
COLLECT = os.environ.get("FUZZ_COLLECT")
# Per input: generous, so that a loaded CI machine does not flag a slow draft as a hang.
FUZZ_TIMEOUT_S = float(os.environ.get("FUZZ_TIMEOUT_S", "60"))
REGRESSIONS = REPO / "tests" / "data" / "fuzz_regressions"
LIBRARY = REPO / "clause_library"
DEALS = sorted(EXAMPLES.glob("*.yaml"))
ACTUALS = EXAMPLES / "distributor-zh-TW-actuals.csv"
CONTRACTS = sorted((REPO / "tests" / "data" / "zh_contracts").glob("*"))
CLAUSE_FILES = sorted(p for p in LIBRARY.glob("*/*.yaml") if p.parent.name not in ("outlines", "playbooks"))
SPECIAL_FILES = sorted(LIBRARY.glob("outlines/*.yaml")) + sorted(LIBRARY.glob("playbooks/*.yaml"))

FUZZ = settings(
    max_examples=EXAMPLE_COUNT,
    deadline=None,
    derandomize=not COLLECT,  # CI: the same examples every run; a campaign: new ones
    database=None,  # failures are kept as files (FUZZ_COLLECT) and replayed from fuzz_regressions
    suppress_health_check=list(HealthCheck),
    # no shrinking: each example runs a whole command, and the report shows the input anyway
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)

OUTCOMES: Counter[str] = Counter()


# --- values --------------------------------------------------------------------------------------

_NASTY_STRINGS = [
    "",
    " ",
    "\x00",
    "\x07bell",
    "\x1b[31mred",
    "a\u0301" * 2 + "\u0301" * 50,
    "\ue000general.notices\ue001",
    "\ue002kpi_table\ue003",
    "\ue123",
    "\ufffe",
    "\ud800",
    "\u202eevil",
    "{{ 7*7 }}",
    "{% for x in range(10**9) %}x{% endfor %}",
    "<w:t>&amp;</w:t>",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "１２３４５６７８",
    "٢٤٥٤٩٢١٠",
    "2027-02-30",
    "9999-12-31",
    "1e308",
    "1e-999999999",
    "-0",
    "NaN",
    "0x1F",
    "Acme Co., Ltd.",
    "甲" * 301,
    "長" * 2500,
    "line one\nline two",
    "tab\there",
    "*alias",
    "&anchor",
    "yes",
    "~",
]
_NASTY_NUMBERS: list[Any] = [
    0,
    -1,
    1,
    100,
    101,
    10**15,
    10**18,
    -(10**20),
    1e308,
    1e-30,
    float("inf"),
    float("-inf"),
    float("nan"),
    0.1234567,
    2**63,
]

_any_char = st.characters(codec=None, categories=None)
_weird_chars = st.characters(categories=["Cc", "Cf", "Cs", "Co", "Cn", "Mn", "Me", "Zl", "Zp"])

scalars: st.SearchStrategy[Any] = st.one_of(
    st.sampled_from(_NASTY_STRINGS),
    st.sampled_from(_NASTY_NUMBERS),
    st.text(_any_char, max_size=40),
    st.text(st.one_of(_weird_chars, st.sampled_from("ab甲乙 ,:{}[]#&*!|>'\"%@`")), max_size=30),
    st.text(max_size=2500, min_size=250),
    st.integers(),
    st.floats(),
    st.decimals(allow_nan=False, allow_infinity=False).map(str),
    st.booleans(),
    st.none(),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
)
values: st.SearchStrategy[Any] = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(["zh-TW", "en", "x", "id"]), inner, max_size=3)
    ),
    max_leaves=6,
)


# --- structural mutation of data -----------------------------------------------------------------


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _paths(value, (*prefix, i))
    return found


def _get(node: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        node = node[part]
    return node


def _leaves(node: Any, kind: type | tuple[type, ...], prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    return [p for p in _paths(node, prefix) if isinstance(_get(node, p), kind) and not isinstance(_get(node, p), bool)]


# a plausible value with something nasty inside it, so that most edits still validate as far
# as the nasty part
hostile_strings: st.SearchStrategy[str] = st.builds(
    lambda head, bad, tail: head + bad + tail,
    st.sampled_from(["", "晴川", "Acme ", "第"]),
    st.one_of(
        st.sampled_from(_NASTY_STRINGS),
        st.text(_weird_chars, min_size=1, max_size=6),
        st.text(_any_char, min_size=1, max_size=320),
    ),
    st.sampled_from(["", "公司", " Ltd.", "號"]),
)
hostile_numbers: st.SearchStrategy[Any] = st.one_of(
    st.sampled_from(_NASTY_NUMBERS),
    st.integers(-(10**16), 10**16),
    st.floats(),
    st.decimals(allow_nan=False, allow_infinity=False).map(str),
)


def mutate_data(draw: st.DrawFn, data: Any, rounds: int) -> Any:
    """Apply ``rounds`` random edits to a deep copy of ``data``.

    Half of the edits keep a leaf's type (a hostile string for a string, an extreme number for a
    number) so that the document still validates and the value reaches drafting and rendering;
    the others delete, replace, retype, duplicate, add or wrap anything.
    """
    data = json.loads(json.dumps(data, default=str))
    for _ in range(rounds):
        op = draw(st.sampled_from(["string", "string", "string", "number", "delete", "replace", "type_swap",
                                   "duplicate", "add_key", "wrap"]))
        if op in ("string", "number"):
            leaves = _leaves(data, str if op == "string" else (int, float))
            if not leaves:
                continue
            path = draw(st.sampled_from(leaves))
            _get(data, path[:-1])[path[-1]] = draw(hostile_strings if op == "string" else hostile_numbers)
            continue
        paths = _paths(data)[1:]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent, key = _get(data, path[:-1]), path[-1]
        current = parent[key]
        if op == "delete":
            del parent[key]
        elif op == "replace":
            parent[key] = draw(values)
        elif op == "type_swap":
            swaps: list[Any] = [str(current), [current], {"zh-TW": current}, None, 1, 1.5, True, {}]
            parent[key] = draw(st.sampled_from(swaps))
        elif op == "duplicate" and isinstance(parent, list):
            parent.extend([current] * draw(st.integers(1, 50)))
        elif op == "add_key" and isinstance(parent, dict):
            parent[draw(st.text(_any_char, min_size=1, max_size=12))] = draw(values)
        elif op == "wrap":
            parent[key] = [current] if draw(st.booleans()) else {"en": current}
    return data


def dump_yaml(data: Any) -> str | None:
    """``data`` as YAML text, or None when the emitter refuses a value (e.g. a lone surrogate)."""
    yaml = YAML(typ="safe", pure=True)
    yaml.allow_unicode = True
    buffer = io.StringIO()
    try:
        yaml.dump(data, buffer)
    except Exception:  # the emitter's own limits; such an input cannot be a file anyway
        return None
    return buffer.getvalue()


# --- structural mutation of text -----------------------------------------------------------------


def mutate_text(draw: st.DrawFn, text: str, rounds: int) -> str:
    """Line- and character-level edits of a YAML / CSV / plain text."""
    for _ in range(rounds):
        lines = text.split("\n")
        i = draw(st.integers(0, max(len(lines) - 1, 0)))
        op = draw(
            st.sampled_from(
                ["delete_line", "dup_line", "swap_lines", "indent", "dedent", "insert", "truncate", "replace_char",
                 "anchor_bomb", "deepen"]
            )
        )
        if op == "delete_line" and lines:
            del lines[i]
        elif op == "dup_line" and lines:
            lines[i:i] = [lines[i]] * draw(st.integers(1, 30))
        elif op == "swap_lines" and len(lines) > 1:
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "indent" and lines:
            lines[i] = " " * draw(st.integers(1, 6)) + lines[i]
        elif op == "dedent" and lines:
            lines[i] = lines[i].lstrip()
        elif op == "insert":
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(st.one_of(st.sampled_from(_NASTY_STRINGS), st.text(_any_char, max_size=8))) + text[at:]
            continue
        elif op == "truncate":
            text = text[: draw(st.integers(0, len(text)))]
            continue
        elif op == "replace_char" and text:
            at = draw(st.integers(0, len(text) - 1))
            text = text[:at] + draw(st.sampled_from(list(":-[]{}#&*!|>'\"% \t\n,?"))) + text[at + 1 :]
            continue
        elif op == "anchor_bomb":
            depth = draw(st.integers(2, 9))
            bomb = "x_a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
                f"x_a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]\n" for n in range(1, depth)
            )
            lines.insert(0, bomb)
        elif op == "deepen" and lines:
            n = draw(st.integers(10, 3000))
            lines[i] = lines[i] + " " + "[" * n + "]" * n if ":" in lines[i] else lines[i]
        text = "\n".join(lines)
    return text


# --- running -------------------------------------------------------------------------------------


def _record(kind: str, args: list[str], inputs: dict[str, bytes], problem: str) -> None:
    """Save a failing input (FUZZ_COLLECT) or fail the test at once."""
    if not COLLECT:
        shown = {name: data[:1500] for name, data in inputs.items()}
        pytest.fail(f"{kind}: {' '.join(args)[:300]}\n{problem}\ninputs: {shown!r}")
    target = Path(COLLECT) / f"{kind}-{len(list(Path(COLLECT).glob(kind + '-*')))}"
    target.mkdir(parents=True, exist_ok=True)
    for name, data in inputs.items():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        (target / name).write_bytes(data)
    (target / "REPORT.txt").write_text(f"{' '.join(args)}\n\n{problem}\n", encoding="utf-8", errors="replace")
    OUTCOMES["failure"] += 1


def run_case(kind: str, build: Callable[[Path], tuple[list[str], dict[str, bytes]]]) -> None:
    """Write the inputs ``build`` makes in a fresh folder, run the command, check the outcome."""
    with tempfile.TemporaryDirectory(prefix="akfuzz-") as tmp:
        work = Path(tmp)
        out = work / "out"
        out.mkdir()
        args, inputs = build(work)
        for name, data in inputs.items():
            (work / name).parent.mkdir(parents=True, exist_ok=True)
            (work / name).write_bytes(data)
        result = invoke(args, FUZZ_TIMEOUT_S)
        OUTCOMES[f"{kind} exit {result.exit_code}"] += 1
        OUTCOMES["inputs"] += 1
        if COLLECT and OUTCOMES["inputs"] % 25 == 0:
            _write_counts("progress.txt")
        problem = outcome_problem(result)
        if problem is None and result.exit_code != 0 and files_in(out):
            problem = f"exit {result.exit_code} but wrote {files_in(out)}"
        if problem is not None:
            _record(kind, args, inputs, problem)


def _write_counts(name: str) -> None:
    folder = Path(COLLECT or ".")
    folder.mkdir(parents=True, exist_ok=True)
    lines = [f"{key}: {count}" for key, count in sorted(OUTCOMES.items())]
    (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def _safe_load(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def mutated_yaml(data: st.DataObject, source: Path, max_rounds: int) -> bytes | None:
    """``source`` mutated as data (then dumped) or as text; None when the result cannot be written."""
    rounds = data.draw(st.sampled_from([1, 1, 2, max_rounds]), label="rounds")
    if data.draw(st.sampled_from([True, True, False]), label="data-level"):
        text = dump_yaml(mutate_data(data.draw, _safe_load(source), rounds))
        if text is None:
            return None
    else:
        text = mutate_text(data.draw, source.read_text(encoding="utf-8"), rounds)
    return text.encode("utf-8", errors="surrogatepass")


# --- targets -------------------------------------------------------------------------------------


@FUZZ
@given(st.data())
def test_fuzz_deal(data: st.DataObject) -> None:
    """Mutated example deals through draft (DOCX) or check."""
    source = data.draw(st.sampled_from(DEALS), label="deal")
    encoded = mutated_yaml(data, source, 4)
    if encoded is None:
        return
    command = data.draw(st.sampled_from(["draft", "draft", "check"]), label="command")

    def build(work: Path) -> tuple[list[str], dict[str, bytes]]:
        deal = str(work / "deal.yaml")
        if command == "draft":
            return ["draft", deal, "-o", str(work / "out")], {"deal.yaml": encoded}
        return ["check", deal, "--format", "json"], {"deal.yaml": encoded}

    run_case("deal", build)


@FUZZ
@given(st.data())
def test_fuzz_library(data: st.DataObject) -> None:
    """One mutated clause file, outline or playbook in a --library folder (or --playbook)."""
    source = data.draw(st.sampled_from(CLAUSE_FILES + SPECIAL_FILES), label="library file")
    rel = source.relative_to(LIBRARY)
    encoded = mutated_yaml(data, source, 3)
    if encoded is None:
        return
    deal = str(data.draw(st.sampled_from(DEALS), label="deal"))
    is_playbook = rel.parts[0] == "playbooks"
    via_option = is_playbook and data.draw(st.booleans(), label="--playbook")

    def build(work: Path) -> tuple[list[str], dict[str, bytes]]:
        if via_option:
            return ["check", deal, "--playbook", str(work / "book.yaml")], {"book.yaml": encoded}
        lib = work / "lib"
        command = ["check", deal] if is_playbook else ["draft", deal, "-o", str(work / "out")]
        return [*command, "--library", str(lib)], {f"lib/{rel}": encoded}

    run_case("library", build)


NOTICE_KINDS = ("renewal", "non-renewal", "cure", "termination", "improvement-plan")


@FUZZ
@given(st.data())
def test_fuzz_notice(data: st.DataObject) -> None:
    """Mutated example deals through notice (every kind, dates around the term's deadlines)."""
    source = data.draw(st.sampled_from(DEALS), label="deal")
    encoded = mutated_yaml(data, source, 4)
    if encoded is None:
        return
    kind = data.draw(st.sampled_from(NOTICE_KINDS), label="kind")
    date = data.draw(st.sampled_from(["2027-03-10", "2028-10-02", "2028-10-03", "2026-01-01", "2999-12-31",
                                      "2027-02-30", "0001-01-01", "x"]), label="date")  # fmt: skip
    extra = data.draw(st.sampled_from([[], ["--ground", "breach"], ["--ground", "convenience"],
                                       ["--ground", "kpi"], ["--lang", "en"], ["--reason", "\x00\u202e"]]),
                      label="options")  # fmt: skip

    def build(work: Path) -> tuple[list[str], dict[str, bytes]]:
        deal = str(work / "deal.yaml")
        return ["notice", kind, deal, "--date", date, *extra, "-o", str(work / "out")], {"deal.yaml": encoded}

    run_case("notice", build)


@FUZZ
@given(st.data())
def test_fuzz_actuals(data: st.DataObject) -> None:
    """Mutated actuals CSV through review (JSON output keeps it quick)."""
    text = mutate_text(data.draw, ACTUALS.read_text(encoding="utf-8"), data.draw(st.integers(1, 4)))
    encoded = text.encode("utf-8", errors="surrogatepass")
    # (periods in the years 0 / 9999 are the review corpus's cases: tests/data/hostile/review)
    period = data.draw(st.sampled_from(["2027-Q1", "2027-Q2", "2027-H1", "2026-Q4", "2027-Q9", "2027-H3", "x"]))

    def build(work: Path) -> tuple[list[str], dict[str, bytes]]:
        deal = str(EXAMPLES / "distributor-zh-TW.yaml")
        args = ["review", deal, "--actuals", str(work / "actuals.csv"), "--period", period,
                "-o", str(work / "out"), "--format", "json"]
        return args, {"actuals.csv": encoded}

    run_case("actuals", build)


@FUZZ
@given(st.data())
def test_fuzz_check_text(data: st.DataObject) -> None:
    """Mutated contract texts through check."""
    source = data.draw(st.sampled_from(CONTRACTS), label="contract")
    raw = source.read_bytes()
    text = mutate_text(data.draw, raw.decode("utf-8", errors="replace"), data.draw(st.integers(1, 6)))
    encoding = data.draw(st.sampled_from(["utf-8", "utf-8", "utf-16", "utf-32", "big5", "latin-1"]))
    encoded = text.encode(encoding, errors="replace") if encoding != "utf-8" else text.encode("utf-8", "surrogatepass")
    suffix = data.draw(st.sampled_from([".txt", ".md", ".txt"]))

    def build(work: Path) -> tuple[list[str], dict[str, bytes]]:
        return ["check", str(work / f"contract{suffix}"), "--format", "json"], {f"contract{suffix}": encoded}

    run_case("check-text", build)


@pytest.fixture(scope="module")
def drafted_docx(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The zh-TW example drafted once, as the seed for DOCX mutations."""
    out = tmp_path_factory.mktemp("seed")
    result = invoke(["draft", str(EXAMPLES / "distributor-zh-TW.yaml"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return next(out.glob("*.docx")).read_bytes()


def mutate_docx(draw: st.DrawFn, seed: bytes) -> bytes:
    """Edit document.xml's text, corrupt the zip, or drop / add parts."""
    op = draw(st.sampled_from(["xml_text", "xml_text", "flip_bytes", "truncate", "drop_part", "doctype"]))
    if op == "flip_bytes":
        data = bytearray(seed)
        for _ in range(draw(st.integers(1, 20))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        return bytes(data)
    if op == "truncate":
        return seed[: draw(st.integers(0, len(seed)))]
    source = zipfile.ZipFile(io.BytesIO(seed))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "word/document.xml":
                xml = body.decode("utf-8")
                if op == "xml_text":
                    xml = mutate_text(draw, xml, draw(st.integers(1, 5)))
                elif op == "doctype":
                    xml = xml.replace("?>", '?><!DOCTYPE w [<!ENTITY x "lol">]>', 1)
                body = xml.encode("utf-8", errors="surrogatepass")
            elif op == "drop_part" and draw(st.integers(0, 5)) == 0:
                continue
            target.writestr(info, body)
    return out.getvalue()


@FUZZ
@given(data=st.data())
def test_fuzz_check_docx(data: st.DataObject, drafted_docx: bytes) -> None:
    """Mutated DOCX (our own draft) through check."""
    encoded = mutate_docx(data.draw, drafted_docx)

    def build(work: Path) -> tuple[list[str], dict[str, bytes]]:
        return ["check", str(work / "contract.docx"), "--format", "json"], {"contract.docx": encoded}

    run_case("check-docx", build)


# --- regressions ---------------------------------------------------------------------------------


def _regression_cases() -> list[Path]:
    return sorted(p for p in REGRESSIONS.glob("*/*") if p.is_dir())


@pytest.mark.parametrize("case", _regression_cases(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fuzz_regressions(case: Path) -> None:
    """Every input that ever broke the promise, replayed: ``args`` in ``command.json`` with
    ``{dir}`` for the case's folder, ``{tmp}`` for a fresh output folder, ``{examples}``."""
    spec = json.loads((case / "command.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="akfuzz-reg-") as tmp:
        out = Path(tmp) / "out"
        out.mkdir()
        subs = {"{dir}": str(case), "{tmp}": str(out), "{examples}": str(EXAMPLES)}
        args = []
        for arg in spec["args"]:
            for key, value in subs.items():
                arg = arg.replace(key, value)
            args.append(arg)
        result = invoke(args, FUZZ_TIMEOUT_S)
        problem = outcome_problem(result)
        assert problem is None, f"{case.name}: {problem}"
        if "exit" in spec:
            assert result.exit_code == spec["exit"], result.output
        if result.exit_code != 0:
            assert files_in(out) == []


def test_zz_campaign_summary() -> None:
    """With FUZZ_COLLECT: write the outcome counts, and fail if any input broke the promise."""
    if not COLLECT:
        pytest.skip("only for a FUZZ_COLLECT campaign")
    _write_counts("summary.txt")
    assert OUTCOMES["failure"] == 0, f"{OUTCOMES['failure']} failing inputs saved in {COLLECT}"
