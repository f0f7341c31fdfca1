"""PDF benchmark: wall time and peak memory of agreementkit's PDF renderer, against WeasyPrint alone.

Run from the repository root::

    python benchmarks/pdf_bench.py            # 5 runs per case, median reported
    python benchmarks/pdf_bench.py --runs 9

Cases: the zh-TW distributor example (``agreementkit draft … --format pdf`` as a cold CLI process)
and synthetic 25-page zh-TW and bilingual agreements (built like ``tests/helpers_agreement.py``).
For each synthetic case it reports, in a fresh process each time:

* ``cold``: import + render + write, as a one-shot process does it;
* ``warm``: a second render in the same process (imports, fonts and caches loaded);
* ``direct``: WeasyPrint rendering the very same HTML + font CSS with its default fetcher and no
  glyph check — the floor agreementkit's renderer is measured against (target: within 10 %).

and, for the example, the other floor: LibreOffice (``soffice --headless --convert-to pdf``, when
installed) converting the DOCX agreementkit drafts from the same deal, as a cold process with a
profile made once beforehand — what a user would otherwise do to get a PDF.

Peak memory is the process's maximum resident set size. Not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

_CHILD = r"""
import json, sys, time, resource
t0 = time.perf_counter()
sys.path.insert(0, {tests!r})
from helpers_agreement import make_agreement
from agreementkit.render.pdf import render_pdf
from agreementkit.render.html import render_html, template_dir
from agreementkit.render.fonts import select_fonts
langs = tuple({langs!r})
agreement = make_agreement(langs, articles={articles}, table_rows={rows})
mode = {mode!r}
if mode == "direct":
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration
    html = render_html(agreement)
    fonts = select_fonts()
    base = template_dir().as_uri() + "/"
    def once():
        fc = FontConfiguration()
        css = weasyprint.CSS(string=fonts.css(), font_config=fc)
        return weasyprint.HTML(string=html, base_url=base).write_pdf(stylesheets=[css], font_config=fc,
                                                                     pdf_identifier=True)
else:
    def once():
        return render_pdf(agreement)
data = once()
t1 = time.perf_counter()
data = once()
t2 = time.perf_counter()
from pypdf import PdfReader
import io
pages = len(PdfReader(io.BytesIO(data)).pages)
print(json.dumps({{"cold": t1 - t0, "warm": t2 - t1, "pages": pages, "bytes": len(data),
                   "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def _child(langs: tuple[str, ...], articles: int, rows: int, mode: str) -> dict[str, float]:
    code = _CHILD.format(tests=str(REPO / "tests"), langs=list(langs), articles=articles, rows=rows, mode=mode)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def _cli_example(runs: int) -> dict[str, float] | None:
    deal = REPO / "examples" / "distributor-zh-TW.yaml"
    times, rss = [], []
    size = pages = 0
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            cmd = [sys.executable, "-c", "from agreementkit.cli import main; main()", "draft", str(deal),
                   "--format", "pdf", "-o", tmp, "--force"]
            start = os.times().elapsed
            proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=REPO)
            _pid, status, usage = os.wait4(proc.pid, 0)
            times.append(os.times().elapsed - start)
            if status != 0:
                err = proc.stderr.read().decode() if proc.stderr else ""
                print(f"example: CLI failed: {err.strip()}", file=sys.stderr)
                return None
            rss.append(usage.ru_maxrss / 1024)
        pdf = Path(tmp) / "distributor-zh-TW.pdf"
        size = pdf.stat().st_size
        from pypdf import PdfReader

        pages = len(PdfReader(str(pdf)).pages)
    return {"cold": statistics.median(times), "maxrss_mb": max(rss), "bytes": size, "pages": pages}


def _libreoffice_example(runs: int) -> dict[str, float] | None:
    """Cold ``soffice --convert-to pdf`` of the example's DOCX (profile created once, not timed)."""
    import shutil

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    deal = REPO / "examples" / "distributor-zh-TW.yaml"
    times, rss = [], []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        draft = [sys.executable, "-c", "from agreementkit.cli import main; main()", "draft", str(deal),
                 "-o", str(work), "--force"]  # fmt: skip
        subprocess.run(draft, check=True, capture_output=True, cwd=REPO)
        docx = work / "distributor-zh-TW.docx"
        profile = f"-env:UserInstallation={(work / 'lo-profile').as_uri()}"
        convert = [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(work / "lo"), str(docx)]
        subprocess.run(convert, check=True, capture_output=True)  # first start writes the profile
        for _ in range(runs):
            start = os.times().elapsed
            proc = subprocess.Popen(convert, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _pid, status, usage = os.wait4(proc.pid, 0)
            times.append(os.times().elapsed - start)
            if status != 0:
                return None
            rss.append(usage.ru_maxrss / 1024)
        pdf = work / "lo" / "distributor-zh-TW.pdf"
        from pypdf import PdfReader

        pages = len(PdfReader(str(pdf)).pages)
        size = pdf.stat().st_size
    return {"cold": statistics.median(times), "maxrss_mb": max(rss), "bytes": size, "pages": pages}


def main() -> None:
    """Run every case and print a table (and JSON with --json)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    results: dict[str, dict[str, float]] = {}
    example = _cli_example(args.runs)
    if example:
        results["example zh-TW distributor (CLI)"] = example
    office = _libreoffice_example(args.runs)
    if office:
        results["example zh-TW: LibreOffice DOCX→PDF"] = office
    # Synthetic agreements sized to about 25 pages.
    cases = {"25 pages zh-TW": (("zh-TW",), 87, 40), "25 pages bilingual": (("zh-TW", "en"), 60, 30)}
    for name, (langs, articles, rows) in cases.items():
        samples: dict[str, list[dict[str, float]]] = {"agreementkit": [], "direct": []}
        for _ in range(args.runs):  # interleaved, so drift in machine load hits both alike
            for mode, found in samples.items():
                found.append(_child(langs, articles, rows, mode))
        for mode, found in samples.items():
            results[f"{name} [{mode}]"] = {key: statistics.median(s[key] for s in found) for key in found[0]}
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"median of {args.runs} runs, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    print(f"{'case':44} {'pages':>5} {'cold s':>7} {'warm s':>7} {'peak MB':>8} {'size KB':>8}")
    for name, r in results.items():
        warm = f"{r['warm']:7.2f}" if "warm" in r else f"{'-':>7}"
        print(f"{name:44} {int(r['pages']):5d} {r['cold']:7.2f} {warm} {r['maxrss_mb']:8.0f} {r['bytes'] / 1024:8.0f}")
    if example and office:
        print(f"example: agreementkit PDF cold / LibreOffice converting our DOCX = "
              f"{example['cold'] / office['cold']:.2f}")
    for name in cases:
        ours, direct = results[f"{name} [agreementkit]"], results[f"{name} [direct]"]
        print(f"{name}: agreementkit warm / WeasyPrint direct = {ours['warm'] / direct['warm']:.2f}")


if __name__ == "__main__":
    main()
