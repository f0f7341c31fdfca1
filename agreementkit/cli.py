"""The command line: parse options, call one function, print, map errors to exit codes.

Exit codes: 0 success; 1 the checker found blocking problems; 2 unusable input (bad deal file,
unreadable document); 3 clause-library problem; 4 output exists (use --force); 5 rendering failed.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from agreementkit import __version__
from agreementkit.errors import AgreementKitError

F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(func: F) -> F:
    """Print an AgreementKitError as its lines on stderr and exit with its code; never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except AgreementKitError as exc:
            if exc.problems:
                click.echo(f"error: {exc.message}", err=True)
            for line in exc.lines():
                click.echo(line if exc.problems else f"error: {line}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="agreementkit")
def main() -> None:
    """Draft, check and manage channel-partner agreements (經銷／代理／轉介／策略聯盟合約)."""


@main.command()
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
@click.option("--force", is_flag=True, help="Overwrite existing output files.")
@handle_errors
def draft(deal_file: Path, out_dir: Path, lang: str | None, formats: str, library_dir: Path | None,
          east_asian_font: str | None, fonts: tuple[Path, ...], pdfa: bool, force: bool) -> None:
    """Draft the agreement described by DEAL_FILE (YAML) as Word and/or PDF."""
    from agreementkit.draft import DraftRequest, parse_formats
    from agreementkit.draft import draft as run_draft

    request = DraftRequest(deal_file, out_dir, lang, parse_formats(formats), library_dir, force, east_asian_font,
                           {"fonts": fonts, "pdfa": pdfa})
    for path in run_draft(request):
        click.echo(f"wrote {path}")


@main.command()
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the schema here instead of stdout.")
@click.option("--force", is_flag=True, help="Overwrite the output file.")
@handle_errors
def schema(output: Path | None, force: bool) -> None:
    """Print the JSON Schema of the deal file (for editor autocompletion)."""
    from agreementkit.schema import deal_json_schema
    from agreementkit.writing import write_text

    text = deal_json_schema()
    if output is None:
        click.echo(text)
    else:
        write_text(output, text, force=force)
        click.echo(f"wrote {output}")


@main.group()
def library() -> None:
    """Browse the clause library (bundled, plus --library DIR)."""


@library.command("list")
@click.option("--library", "library_dir", type=click.Path(path_type=Path), help="Your own clause folder.")
@handle_errors
def library_list(library_dir: Path | None) -> None:
    """List every clause: id, category, topic and title."""
    from agreementkit.library import Library

    lib = Library.open(library_dir)
    for clause_id in lib.clause_ids():
        clause = lib.clause(clause_id)
        variants = ",".join(v.id for v in clause.variants)
        click.echo(f"{clause.id:34} {clause.category:22} {clause.title.zh_TW} / {clause.title.en}  [{variants}]")


@library.command("show")
@click.argument("clause_id")
@click.option("--library", "library_dir", type=click.Path(path_type=Path), help="Your own clause folder.")
@click.option("--lang", type=click.Choice(["zh-TW", "en"]), default=None, help="Only this language.")
@handle_errors
def library_show(clause_id: str, library_dir: Path | None, lang: str | None) -> None:
    """Show one clause: where it comes from, its variables and every variant rendered from its sample."""
    from agreementkit.library import Library
    from agreementkit.preview import describe_clause

    lib = Library.open(library_dir)
    click.echo(describe_clause(lib, clause_id, lang))


# Commands with their own modules register last: they import handle_errors from here.
from agreementkit.cli_check import check  # noqa: E402
from agreementkit.cli_review import review  # noqa: E402

main.add_command(check)
main.add_command(review)
