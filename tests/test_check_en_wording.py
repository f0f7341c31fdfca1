"""English wording families of CUAD topics, one sentence at a time, patterns alone.

Each sentence was written for these tests, in the phrasing families of public distribution, supply,
licence and services agreements (rights of first refusal, "not be less favourable than", excess
usage and overage fees, a supplier not bound to deliver beyond the forecast, a party acquired by a
competitor, unsold inventory bought back, "in competition with", a penalty with an amount, a
warranty named by its length), not copied from any contract. The look-alikes name the same words
without making the clause; several were found by the pattern each family replaced (a bare
"exclusively with", a penalty next to "amount").
"""

from __future__ import annotations

import pytest

from agreementkit.check.model import Block, Location
from agreementkit.check.patterns import scan


def _topics(sentence: str) -> set[str]:
    return set(scan([Block(sentence, Location(0))]).evidence())


FOUND = [
    ("rofr", "The Investors shall hold rights of first refusal over any new shares the Company proposes to issue."),
    ("rofr", "The Studio grants the Producer rights of first negotiation for any sequel to the Picture."),
    ("most_favored_nation", "The royalty rates given to Licensee shall not be less favourable than the rates given to "
                            "any other licensee of the Patents."),
    ("volume_restriction", "Any excess usage will be invoiced each quarter at the list price then in force."),
    ("volume_restriction", "Customer shall pay overage fees for every transaction above its subscribed tier."),
    ("volume_restriction", "If the number of users exceeds fifty, Licensee shall first obtain the written approval of "
                           "Licensor."),
    ("volume_restriction", "Supplier shall not be obligated to supply quantities in excess of one hundred twenty percent "
                           "of the latest forecast."),
    ("change_of_control", "Licensor may terminate this Agreement if Licensee is acquired by a competitor of Licensor."),
    ("change_of_control", "Should any person become the beneficial owner of a majority of the Distributor's shares, "
                          "the Supplier may end this Agreement on notice."),
    ("post_termination", "Supplier shall repurchase all unsold inventory held by the Distributor at its landed cost."),
    ("post_termination", "After the effective date of termination a liquidation period of sixty days applies."),
    ("non_compete", "The Agent shall not, directly or indirectly, operate any enterprise in competition with the Principal."),
    ("exclusivity", "Distributor shall purchase its requirements of the Products exclusively from Supplier."),
    ("liquidated_damages", "Seller shall pay a penalty of two percent of the order value for each week of late delivery."),
    ("liquidated_damages", "A late Supplier owes a penalty equal to one percent of the price per day of delay."),
    ("warranty_duration", "Each unit carries a twelve (12) month limited warranty against defects in workmanship."),
    ("warranty_duration", "The warranty begins on the date of shipment and ends eighteen months later."),
]

NOT_FOUND = [
    ("rofr", "The first refusal of an order by Supplier shall not be a breach of this Agreement."),
    ("most_favored_nation", "The terms of this amendment shall not be less favorable to the Company than the original "
                            "terms."),
    ("volume_restriction", "The Distributor shall not incur expenses in excess of $1,000 without approval."),
    ("volume_restriction", "The use of the Marks shall not exceed the scope of the licence granted above."),
    ("change_of_control", "Products acquired by the Customer remain subject to the warranty in Section 9."),
    ("post_termination", "Distributor shall keep an inventory of spare parts sufficient for ninety days of sales."),
    ("non_compete", "The Supplier may set prices that are competitive with those of other suppliers."),
    ("exclusivity", "The Marks shall be used exclusively with the Products and in the form shown in Exhibit C."),
    ("exclusivity", "The software shall be operated exclusively by staff trained by the Supplier."),
    ("liquidated_damages", "The Distributor bears any penalty or amount assessed by customs authorities on its imports."),
    ("warranty_duration", "Any warranty claim must be made in writing and sent to the address below."),
]


@pytest.mark.parametrize(("topic", "sentence"), FOUND)
def test_english_wording_is_found(topic: str, sentence: str) -> None:
    assert topic in _topics(sentence), sentence


@pytest.mark.parametrize(("topic", "sentence"), NOT_FOUND)
def test_english_near_misses_are_not_found(topic: str, sentence: str) -> None:
    assert topic not in _topics(sentence), sentence


def test_found_wordings_hold_their_key() -> None:
    """The key pre-filter never hides these sentences (each matches with and without it)."""
    for topic, sentence in FOUND:
        blocks = [Block(sentence, Location(0))]
        assert (topic in scan(blocks).evidence()) == (topic in scan(blocks, use_keys=False).evidence()), sentence
