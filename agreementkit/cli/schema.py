"""``agreementkit schema``: the deal file's JSON Schema."""

from __future__ import annotations

from pathlib import Path

import click

from agreementkit.cli.errors import handle_errors


@click.command()
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the schema here instead of stdout.")
@click.option("--force", is_flag=True, help="Overwrite the output file.")
@handle_errors
def schema(output: Path | None, force: bool) -> None:
    """Print the JSON Schema of the deal file (for editor autocompletion)."""
    from agreementkit.deal.schema import deal_json_schema
    from agreementkit.fileio.output import write_text

    text = deal_json_schema()
    if output is None:
        click.echo(text)
    else:
        write_text(output, text, force=force)
        click.echo(f"wrote {output}")
