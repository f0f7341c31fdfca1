"""Property tests: the status history follows the documented life cycle; filters treat text as text."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agreementkit.errors import RegisterRefused
from agreementkit.lifecycle.register import STATUSES, open_register
from tests.conftest import BILINGUAL_ALLIANCE, EN_RESELLER, ZH_DISTRIBUTOR
from tests.helpers_register import matrix_deals

# The life cycle as docs/register.md draws it, written out independently of the code's table.
DOCUMENTED_EDGES = {
    ("draft", "in_review"), ("in_review", "draft"), ("draft", "signed"), ("in_review", "signed"),
    ("signed", "active"), ("signed", "expired"), ("signed", "terminated"),
    ("active", "expired"), ("active", "terminated"),
}  # fmt: skip

attempt = st.tuples(st.sampled_from(STATUSES), st.booleans(), st.sampled_from([None, "", "signed copy received"]))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(start=st.sampled_from(STATUSES), attempts=st.lists(attempt, max_size=8))
def test_history_follows_the_life_cycle(start: str, attempts: list[tuple[str, bool, str | None]]) -> None:
    with tempfile.TemporaryDirectory() as folder, open_register(str(Path(folder) / "r.sqlite3")) as reg:
        with reg.transaction() as tx:
            agreement = tx.add(ZH_DISTRIBUTOR, start).agreement.id
        expected = [(None, start, False)]
        status = start
        for new, override, note in attempts:
            normal = (status, new) in DOCUMENTED_EDGES
            accepted = normal or (new != status and override and bool(note))
            try:
                with reg.transaction() as tx:
                    tx.set_status(agreement, new, note=note, override=override)
            except RegisterRefused:
                assert not accepted
                continue
            assert accepted
            expected.append((status, new, not normal))
            status = new
        with reg.transaction() as tx:
            record = tx.show(agreement)
    assert record.agreement.status == status
    assert [(e.from_status, e.to_status, e.override) for e in record.history] == expected


@pytest.fixture(scope="module")
def filled_register(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("reg")
    db = str(folder / "r.sqlite3")
    with open_register(db) as reg, reg.transaction() as tx:
        for path in [ZH_DISTRIBUTOR, EN_RESELLER, BILINGUAL_ALLIANCE, *matrix_deals(folder / "deals", 15)]:
            tx.add(path)
    return db


def _alphabet(db: str) -> str:
    with open_register(db) as reg:
        names = "".join(a.partner for a in reg.agreements())
    return "".join(sorted(set(names))) + "%_\\'\"*?[]"


def test_partner_filter_is_a_literal_substring(filled_register: str) -> None:
    with open_register(filled_register) as reg:
        everything = reg.agreements()
    chars = _alphabet(filled_register)

    @settings(max_examples=60, deadline=None)
    @given(needle=st.text(alphabet=chars, min_size=1, max_size=6))
    def check(needle: str) -> None:
        with open_register(filled_register) as reg:
            found = {a.id for a in reg.agreements(partner=needle)}
        wanted = {
            a.id
            for a in everything
            if needle.strip().lower() in a.partner.lower() or a.partner_tax_id == needle.strip()
        }
        assert found == wanted

    check()
