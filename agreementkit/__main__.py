"""``python -m agreementkit`` runs the CLI."""

from agreementkit.cli import main

main()
