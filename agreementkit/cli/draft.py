"""``agreementkit draft``: a deal file → Word / PDF / HTML agreement."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from agreementkit.cli.errors import handle_errors


@click.command()
@click.argument("deal_file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=Path("."),
              show_default=True, help="Folder for the drafted files.")
@click.option("--lang", type=click.Choice(["zh-TW", "en", "bilingual"]), default=None,
              help="Language of the draft (default: the deal's agreement.language).")
@click.option("--format", "formats", default="docx", show_default=True,
              help="Comma-separated output formats, e.g. docx,pdf.")
@click.option("--library", "library_dir", type=click.Path(path_type=Path),
              help="Your own clause folder: adds clauses and overrides bundled ones by id.")
@click.option("--east-asian-font", default=None, help="Chinese font for Word, e.g. 新細明體 (default 標楷體).")
@click.option("--font", "fonts", multiple=True, type=click.Path(path_type=Path, dir_okay=False),
              help="PDF: your own font file (.ttf/.otf/.ttc), used first; repeatable.")
@click.option("--pdfa", is_flag=True, help="PDF: write PDF/A-3b with the deal file embedded as an attachment.")
@click.option("--strict", is_flag=True,
              help="Write nothing and exit 1 when `check` would report a blocker or a warning on the deal.")
@click.option("--batch", "batch_file", type=click.Path(path_type=Path, dir_okay=False),
              help="CSV or .xlsx of partners: one agreement per row, columns override fields of DEAL_FILE "
                   "(e.g. parties.partner.name, kpis.<id>.target).")
@click.option("--jobs", type=click.IntRange(min=1, max=256), default=None,
              help="Batch: worker processes (default: one per core).")
@click.option("--force", is_flag=True, help="Overwrite existing output files.")
@handle_errors
def draft(deal_file: Path, out_dir: Path, lang: str | None, formats: str, library_dir: Path | None,
          east_asian_font: str | None, fonts: tuple[Path, ...], pdfa: bool, strict: bool,
          batch_file: Path | None, jobs: int | None, force: bool) -> None:
    """Draft the agreement described by DEAL_FILE (YAML) as Word and/or PDF.

    Prints on stderr what `agreementkit check DEAL_FILE` would report (blockers and warnings).
    With --batch, drafts one agreement per row of the partner table instead, skipping rows whose
    files exist (unless --force); exits 1 when some rows failed.
    """
    if batch_file is not None:
        from agreementkit.cli.batch import run_batch

        run_batch(deal_file, batch_file, out_dir, lang, formats, library_dir, east_asian_font, jobs, force)
        return
    from agreementkit.check.deal_lint import check_prepared_draft, finding_lines
    from agreementkit.check.result import CheckOptions
    from agreementkit.drafting.service import DraftRequest, parse_formats, prepare, write

    request = DraftRequest(deal_file, out_dir, lang, parse_formats(formats), library_dir, force, east_asian_font,
                           {"fonts": fonts, "pdfa": pdfa})
    prepared = prepare(request)
    result = check_prepared_draft(prepared, CheckOptions(library_dir=library_dir, strict=strict))
    for line in finding_lines(result):
        click.echo(line, err=True)
    if result.exit_code and strict:
        click.echo("error: nothing written (--strict): fix the findings above", err=True)
        sys.exit(result.exit_code)
    for path in write(prepared, request):
        click.echo(f"wrote {path}")
