"""The range of a number or a date that can appear in an agreement, checked once at parse time.

A price of 1e308 would be drafted as a 309-digit figure; 1e-999999999 would make exact decimal
arithmetic print a billion digits; a date in the year 9999 overflows the first date sum. Both
the YAML loader (for values written as numbers / dates) and validation (for values written as
text that the model turns into numbers / dates) refuse them with these messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

# Numbers: a quadrillion is beyond any contract amount; six decimals beyond any rate or score.
MAX_MAGNITUDE = Decimal(10) ** 15
MAX_DECIMALS = 6
# Dates: far enough either way for any agreement, and far from date arithmetic's year-9999 edge.
MIN_YEAR, MAX_YEAR = 1900, 2200


@dataclass(frozen=True)
class Refused:
    """Stands in a loaded document for a value that was refused, and why.

    It stays in place of the value (rather than None or a deletion) so that the model rejects
    it as the wrong type - an error validation drops, having reported ``reason`` - and no rule
    computes with a value the user did not write.
    """

    text: str
    reason: str


def number_problem(value: Decimal) -> str | None:
    """Why ``value`` is outside what a contract figure can be, or None when it is fine.

    Only context-free operations are used: rounding to the context's precision would turn
    1e-999999999 into 0 and let it through.
    """
    if not value.is_finite():
        return "is not a finite number; write a plain number"
    _, digits, exponent = value.as_tuple()
    written = "".join(map(str, digits))
    significant = written.rstrip("0")
    if not significant:
        return None  # zero, however it is written
    assert isinstance(exponent, int)
    exponent += len(written) - len(significant)
    if value.adjusted() >= 15:
        return f"{_short(value)} is too large; numbers must be below 10^15 (1,000,000,000,000,000)"
    if -exponent > MAX_DECIMALS:
        return f"{_short(value)} has more than {MAX_DECIMALS} decimal places; round it"
    return None


def date_problem(year: int) -> str | None:
    """Why a date in ``year`` cannot be an agreement date, or None when it can."""
    if MIN_YEAR <= year <= MAX_YEAR:
        return None
    return f"the year {year} is outside {MIN_YEAR}-{MAX_YEAR}; check the date"


def _short(value: Decimal) -> str:
    text = f"{value:E}" if abs(value.adjusted()) > 20 else f"{value:f}"
    return text if len(text) <= 30 else text[:27] + "..."
