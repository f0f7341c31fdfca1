"""How ``agreementkit check`` scales with input size: seconds and peak memory per case.

    python benchmarks/check_scaling.py [--bench-dir ../shared/bench/cuad-dev] [--timeout 600]
                                       [--cases single-100k,single-1m,...] [--json]

Each case is a document built from real contract text (the CUAD contracts of ``--bench-dir``
when present, else the Chinese agreements under ``tests/data``), written to a temporary file
and checked in a fresh subprocess through the same path as ``agreementkit check FILE``, so the
figures include reading, classification and the report, and peak memory (``ru_maxrss``) is that
run's alone. Cases:

- ``single-100k`` … ``single-19m``: the text with every line break replaced by a space, repeated
  to the size: one paragraph on one line (the worst case for sentence and paragraph handling);
- ``noblank-300k``: 300 KB of the text with its blank lines removed (long paragraphs of many lines);
- ``zh-noblank-300k``, ``zh-single-1m``: the same from the Chinese agreements under ``tests/data``;
- ``paragraphs-5m``: 5 MB of the text as written (normal paragraphs), for comparison;
- ``docx-60m``: a DOCX whose ``document.xml`` is about 60 MB (12 MB zipped, within the
  compression-ratio limits) of ordinary paragraphs: more text than the checker reads;
- ``docx-60m-markup``: the same size, each word a formatted run: mostly markup, ~2.5 M characters.

A case that runs past ``--timeout`` is reported as such. Sizes are bytes of the file. CPU seconds
(user + system, after imports) are the figure to compare on a machine shared with other work;
wall seconds include waiting for a core.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
KB = 1000
MB = 1000 * 1000
SIZES = {"single-100k": 100 * KB, "single-1m": 1 * MB, "single-5m": 5 * MB, "single-19m": 19 * MB}
ALL_CASES = (*SIZES, "noblank-300k", "zh-noblank-300k", "zh-single-1m", "paragraphs-5m", "docx-60m", "docx-60m-markup")
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Runs in the child: check the file, print seconds, peak RSS (KB), exit code and topics found.
CHILD = """
import json, resource, sys, time
from pathlib import Path
from agreementkit.check.result import CheckOptions
from agreementkit.check.service import check_path
from agreementkit.errors import AgreementKitError
usage0 = resource.getrusage(resource.RUSAGE_SELF)
cpu0 = usage0.ru_utime + usage0.ru_stime
start = time.perf_counter()
try:
    result = check_path(Path(sys.argv[1]), CheckOptions())
    code, found, error = result.exit_code, sum(t.present for t in result.topics), ""
except AgreementKitError as exc:
    code, found, error = exc.exit_code, 0, str(exc)
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
cpu = usage.ru_utime + usage.ru_stime - cpu0
print(json.dumps({"seconds": seconds, "cpu": cpu, "rss_kb": usage.ru_maxrss, "exit": code, "topics": found, "error": error}))
"""


def zh_text() -> str:
    """The hand-written Traditional-Chinese agreements under ``tests/data``."""
    files = sorted(p for p in (ROOT / "tests" / "data").glob("zh_contracts*/*") if p.suffix in (".txt", ".md"))
    return "\n\n".join(p.read_text(encoding="utf-8") for p in files)


def base_text(bench_dir: Path) -> str:
    """English contract text to build the cases from: CUAD contracts when available, else the zh sets."""
    files = sorted((bench_dir / "contracts").glob("*.txt")) if (bench_dir / "contracts").is_dir() else []
    return "\n\n".join(p.read_text(encoding="utf-8") for p in files) if files else zh_text()


def repeat_to(text: str, size: int, sep: str) -> str:
    """``text`` repeated (joined by ``sep``) and cut to ``size`` bytes of UTF-8."""
    pieces: list[str] = []
    total = 0
    while total < size:
        pieces.append(text)
        total += len(text.encode("utf-8")) + len(sep)
    return sep.join(pieces).encode("utf-8")[:size].decode("utf-8", "ignore")


def make_case(name: str, text: str, folder: Path) -> Path:
    """Write case ``name`` into ``folder`` and return its path."""
    if name in SIZES:
        path = folder / f"{name}.txt"
        path.write_text(repeat_to(" ".join(text.split()), SIZES[name], " "), encoding="utf-8")
    elif name == "noblank-300k":
        lines = [line for line in text.splitlines() if line.strip()]
        path = folder / f"{name}.txt"
        path.write_text(repeat_to("\n".join(lines), 300 * KB, "\n"), encoding="utf-8")
    elif name == "zh-noblank-300k":
        lines = [line for line in zh_text().splitlines() if line.strip()]
        path = folder / f"{name}.txt"
        path.write_text(repeat_to("\n".join(lines), 300 * KB, "\n"), encoding="utf-8")
    elif name == "zh-single-1m":
        path = folder / f"{name}.txt"
        path.write_text(repeat_to("".join(zh_text().split()), 1 * MB, ""), encoding="utf-8")
    elif name == "paragraphs-5m":
        path = folder / f"{name}.txt"
        path.write_text(repeat_to(text, 5 * MB, "\n\n"), encoding="utf-8")
    elif name == "docx-60m":
        path = folder / f"{name}.docx"
        write_docx(path, text, 60 * MB)
    elif name == "docx-60m-markup":
        path = folder / f"{name}.docx"
        write_docx(path, text, 60 * MB, run_per_word=True)
    else:
        raise SystemExit(f"unknown case {name!r}; known: {', '.join(ALL_CASES)}")
    return path


def write_docx(path: Path, text: str, xml_size: int, run_per_word: bool = False) -> None:
    """A DOCX whose document.xml is about ``xml_size`` bytes of ordinary paragraphs.

    ``run_per_word``: every word is a run with its own formatting, so the XML is mostly markup
    (about 2.5 million characters of text in 60 MB, within the checker's text limit).
    """
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    run = '<w:p><w:pPr><w:spacing w:after="120"/></w:pPr><w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r></w:p>'
    if run_per_word:
        word = (
            '<w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:color w:val="1F1F1F"/><w:sz w:val="22"/>'
            '<w:lang w:val="en-US"/></w:rPr><w:t xml:space="preserve">{} </w:t></w:r>'
        )
        run = '<w:p><w:pPr><w:spacing w:after="120"/></w:pPr>{}</w:p>'
        paragraphs = ["".join(word.format(escape(w)) for w in p.split()) for p in paragraphs]
    head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body>'.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with zf.open("word/document.xml", "w", force_zip64=True) as out:
            out.write(head)
            written = len(head)
            i = 0
            while written < xml_size:
                body = paragraphs[i % len(paragraphs)]
                chunk = run.format(body if run_per_word else escape(" ".join(body.split()))).encode()
                out.write(chunk)
                written += len(chunk)
                i += 1
            out.write(b"</w:body></w:document>")


def run_case(path: Path, timeout: float) -> dict[str, object]:
    """Check ``path`` in a subprocess; its figures, or a timeout."""
    env_path = str(ROOT)
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            [sys.executable, "-c", CHILD, str(path)],
            capture_output=True,
            text=True,
            timeout=timeout,
            env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"},
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"timeout": timeout, "wall": time.perf_counter() - start}
    if proc.returncode != 0:
        return {"crash": proc.stderr.strip().splitlines()[-1:] or ["?"]}
    figures: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    """Build each case, check it, print a table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench-dir", type=Path, default=ROOT.parent / "shared" / "bench" / "cuad-dev")
    parser.add_argument("--timeout", type=float, default=600.0)
    parser.add_argument("--cases", default=",".join(ALL_CASES))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    text = base_text(args.bench_dir)
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.cases.split(","):
            path = make_case(name.strip(), text, Path(tmp))
            figures = run_case(path, args.timeout)
            row = {"case": name, "bytes": path.stat().st_size, **figures}
            rows.append(row)
            path.unlink()
            if not args.json:
                print(_line(row), flush=True)
    if args.json:
        print(json.dumps(rows, indent=2))


def _line(row: dict[str, object]) -> str:
    size = f"{int(str(row['bytes'])) / MB:7.2f} MB"
    if "timeout" in row:
        return f"{row['case']:<14} {size}  timed out after {row['timeout']:.0f} s"
    if "crash" in row:
        return f"{row['case']:<14} {size}  crashed: {row['crash']}"
    rss = int(str(row["rss_kb"])) / 1024
    note = f"  ({row['error']})" if row.get("error") else ""
    return (
        f"{row['case']:<16} {size}  {float(str(row['seconds'])):7.2f} s wall  {float(str(row['cpu'])):7.2f} s CPU  "
        f"{rss:6.0f} MB peak  "
        f"exit {row['exit']}  {row['topics']} topics{note}"
    )


if __name__ == "__main__":
    main()
