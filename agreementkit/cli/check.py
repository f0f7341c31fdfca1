"""``agreementkit check``: the thin click layer over :func:`agreementkit.check.service.check_path`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from agreementkit.cli.errors import handle_errors

AGREEMENT_TYPES = ["distributor", "reseller", "referral", "agency", "strategic_alliance"]


@click.command()
# no dir_okay=False: the reader refuses a folder (or device, FIFO) with one line, not click's usage text
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "md", "html"]), default="text",
              show_default=True, help="Report format: terminal text, JSON, or a Markdown / HTML memo for legal.")
@click.option("--playbook", type=click.Path(path_type=Path), help="Use this playbook YAML.")
@click.option("--type", "agreement_type", type=click.Choice(AGREEMENT_TYPES),
              help="Agreement type when the document does not say (selects the playbook).")
@click.option("--strict", is_flag=True, help="Warnings block too (exit 1).")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the report here.")
@click.option("--force", is_flag=True, help="Overwrite the report file.")
@click.option("--library", "library_dir", type=click.Path(path_type=Path), help="Your own clause folder.")
@handle_errors
def check(
    file: Path,
    fmt: str,
    playbook: Path | None,
    agreement_type: str | None,
    strict: bool,
    output: Path | None,
    force: bool,
    library_dir: Path | None,
) -> None:
    """Check a deal file, our DOCX after edits, or anyone's DOCX / PDF / text contract.

    Exit 0 when nothing blocks, 1 when something does (or a warning, with --strict), 2 when the
    file cannot be used.
    """
    from agreementkit.check.report import render
    from agreementkit.check.result import CheckOptions
    from agreementkit.check.service import check_path
    from agreementkit.errors import InputError
    from agreementkit.fileio.output import ensure_writable, write_text

    if output is not None:
        if output.is_dir():
            raise InputError(f"{output}: is a folder; give the report a file name, e.g. {output / 'report.md'}")
        ensure_writable(output, force)
    result = check_path(file, CheckOptions(playbook, agreement_type, strict, library_dir))
    text = render(result, fmt)
    if output is None:
        click.echo(text)
    else:
        write_text(output, text + "\n", force=force)
        click.echo(f"wrote {output}", err=True)
    sys.exit(result.exit_code)
