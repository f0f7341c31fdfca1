"""``agreementkit amend``: two versions of a deal → amendment, 修正條文對照表, redline and JSON."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from agreementkit.cli.errors import handle_errors


@click.command()
@click.argument("old_deal", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("new_deal", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=Path("."),
              show_default=True, help="Folder for the amendment documents.")
@click.option("--lang", type=click.Choice(["zh-TW", "en", "bilingual"]), default=None,
              help="Language of the documents (default: the new deal's agreement.language).")
@click.option("--format", "formats", default="docx", show_default=True,
              help="Formats of the amendment agreement: docx, pdf or docx,pdf (對照表 and redline are DOCX).")
@click.option("--effective-date", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="The amendment's effective date (default: the new deal's, if it differs from the old one's).")
@click.option("--library", "library_dir", type=click.Path(path_type=Path),
              help="Your own clause folder, as for draft.")
@click.option("--force", is_flag=True, help="Overwrite existing output files.")
@handle_errors
def amend(old_deal: Path, new_deal: Path, out_dir: Path, lang: str | None, formats: str,
          effective_date: dt.datetime | None, library_dir: Path | None, force: bool) -> None:
    """Compare OLD_DEAL and NEW_DEAL and write the amendment agreement, the 修正條文對照表, a Word
    redline with tracked changes and the comparison as JSON."""
    from agreementkit.lifecycle.amend.service import AMEND_FORMATS, AmendRequest
    from agreementkit.lifecycle.amend.service import amend as run_amend
    from agreementkit.render.formats import parse_format_list

    request = AmendRequest(old_deal, new_deal, out_dir, lang, parse_format_list(formats, AMEND_FORMATS),
                           effective_date.date() if effective_date else None, library_dir, force)
    result = run_amend(request)
    if not result.written:
        click.echo(f"no changes: {new_deal} says what {old_deal} says; nothing written")
        return
    click.echo(f"{result.changes} clause change(s)")
    for path in result.written:
        click.echo(f"wrote {path}")
