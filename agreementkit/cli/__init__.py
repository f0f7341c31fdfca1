"""The command line: parse options, call one function, print, map errors to exit codes.

Exit codes: 0 success; 1 the checker found blocking problems; 2 unusable input (bad deal file,
unreadable document); 3 clause-library problem; 4 output exists (use --force); 5 rendering failed;
6 notice refused (the agreement gives no basis for it, or it would be late);
10 register database unusable (cannot open, bad URL, locked too long); 11 register database has a newer
schema than this agreementkit; 12 register refused the change (unknown ID, status change not allowed).
"""

from __future__ import annotations

import click

from agreementkit import __version__
from agreementkit.cli.amend import amend
from agreementkit.cli.calendar import calendar
from agreementkit.cli.check import check
from agreementkit.cli.draft import draft
from agreementkit.cli.due import due
from agreementkit.cli.errors import Program
from agreementkit.cli.library import library
from agreementkit.cli.notice import notice
from agreementkit.cli.register import register
from agreementkit.cli.review import review
from agreementkit.cli.schema import schema


@click.group(cls=Program, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="agreementkit")
def main() -> None:
    """Draft, check and manage channel-partner agreements (經銷／代理／轉介／策略聯盟合約)."""


# Every command is registered here, on the group's side, so no command module imports the group.
for command in (draft, check, review, amend, notice, schema, library, register, due, calendar):
    main.add_command(command)
