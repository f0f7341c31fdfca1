"""Patterns added while studying CUAD's tune half: short snippets written for these tests."""

from __future__ import annotations

import pytest

from agreementkit.check.classify import classify
from agreementkit.check.model import Block, Location


def _topics(text: str) -> set[str]:
    return set(classify([Block(text, Location(0))]))


@pytest.mark.parametrize(
    "text",
    [
        "This Agreement shall terminate upon a significant change in the ownership of the Supplier.",
        "The Company may terminate if the Reseller merges with or into another entity, upon notice.",
        "Either party may end this Agreement upon the acquisition of a majority of the voting stock of the other party.",
    ],
)
def test_change_of_control_wording(text: str) -> None:
    assert "change_of_control" in _topics(text)


@pytest.mark.parametrize(
    "text",
    [
        "Either party may terminate this Agreement by providing three month's written notice to the other.",
        "This Agreement continues until the earlier of (a) the fifth anniversary, and (b) termination by either "
        "Party for any reason upon thirty (30) days' notice.",
        "Either party may terminate this Agreement (i) upon thirty (30) days prior written notice, or (ii) "
        "immediately if the other party files for bankruptcy.",
    ],
)
def test_termination_for_convenience_wording(text: str) -> None:
    assert "termination_for_convenience" in _topics(text)


def test_exclude_word_in_another_item_does_not_count() -> None:
    text = "Either party may terminate (i) upon sixty (60) days written notice, or (ii) upon a material breach."
    assert "termination_for_convenience" in _topics(text)
    assert "termination_for_convenience" not in _topics("Either party may terminate upon sixty (60) days "
                                                       "written notice if the other party is in material breach.")


def test_ceasing_use_of_marks_is_not_post_termination_services() -> None:
    text = "Upon termination of this Agreement, the Distributor shall immediately cease using the Marks."
    assert "post_termination" not in _topics(text)
