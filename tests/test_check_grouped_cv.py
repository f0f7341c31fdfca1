"""Cross-validation folds are grouped by company: no company's contracts are on both sides of a split."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from agreementkit.check.training import company_of, grouped_folds


def test_company_is_read_from_both_cuad_file_name_styles() -> None:
    assert company_of("ACMEWIDGETSINC_03_04_2001-EX-10.2-DISTRIBUTOR_AGREEMENT.txt") == "acmewidgets"
    assert company_of("ACME_WIDGETS_CORP_11_02_2009-EX-1.2-AGENCY_AGREEMENT.txt") == "acmewidgets"
    assert company_of("AcmeWidgetsInc_20190815_8-K_EX-10.34_11788308_EX-10.34_Supply_Agreement.txt") == "acmewidgets"
    assert company_of("Acme_Widgets_LLC_-_Manufacturing_and_Supply_Agreement.txt") == "acmewidgets"
    assert company_of("OTHERCO_05_15_1998-EX-10-OUTSOURCING_AGREEMENT.txt") != "acmewidgets"


@given(st.lists(st.sampled_from("abcdefghij"), min_size=1, max_size=60), st.integers(2, 6))
def test_a_group_never_spans_two_folds(groups: list[str], k: int) -> None:
    folds = grouped_folds(groups, k)
    seen: dict[str, int] = {}
    for g, f in zip(groups, folds, strict=True):
        assert 0 <= f < k
        assert seen.setdefault(g, f) == f
    assert grouped_folds(groups, k) == folds  # reproducible


def test_folds_are_balanced_when_groups_are_small() -> None:
    groups = [f"company{i // 2}" for i in range(40)]  # 20 companies of 2 contracts
    folds = grouped_folds(groups, 5)
    assert sorted(folds.count(f) for f in range(5)) == [8, 8, 8, 8, 8]


def test_train_and_test_sides_share_no_company() -> None:
    names = [
        "ACMEINC_01_01_2000-EX-10-A.txt", "ACME_INC_02_02_2001-EX-10-B.txt", "Acme_Inc_-_Supply.txt",
        "BETACORP_01_01_2000-EX-10-A.txt", "Beta_Corp_-_Licence.txt", "GAMMALTD_01_01_2000-EX-10-A.txt",
    ]
    groups = [company_of(n) for n in names]
    folds = grouped_folds(groups, 3)
    for fold in range(3):
        test = {g for g, f in zip(groups, folds, strict=True) if f == fold}
        train = {g for g, f in zip(groups, folds, strict=True) if f != fold}
        assert not test & train
