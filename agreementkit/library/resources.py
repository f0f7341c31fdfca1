"""Where the bundled clause library and templates are: inside the wheel, or the source checkout."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def bundled_dir(name: str) -> Path:
    """Folder ``name`` ('clause_library' or 'templates') shipped with the package.

    A wheel carries them under ``agreementkit/_data``; a source checkout (editable install or
    tests) has them at the top of the repository.
    """
    packaged = Path(str(files("agreementkit"))) / "_data" / name
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"bundled folder {name!r} is missing from the installation")
