"""``agreementkit library``: browse the clause library."""

from __future__ import annotations

from pathlib import Path

import click

from agreementkit.cli.errors import handle_errors


@click.group()
def library() -> None:
    """Browse the clause library (bundled, plus --library DIR)."""


@library.command("list")
@click.option("--library", "library_dir", type=click.Path(path_type=Path), help="Your own clause folder.")
@handle_errors
def library_list(library_dir: Path | None) -> None:
    """List every clause: id, category, topic and title."""
    from agreementkit.library.loader import Library

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
    from agreementkit.library.loader import Library
    from agreementkit.library.preview import describe_clause

    lib = Library.open(library_dir)
    click.echo(describe_clause(lib, clause_id, lang))
