"""The learned sentence model: shipped file, scoring as in training, decision rules, add / veto."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agreementkit.check import learned
from agreementkit.check.classify import classify
from agreementkit.check.learned import (
    RULES,
    Decision,
    TopicModel,
    load_model,
    sentence_features,
    sentence_rows,
)
from agreementkit.check.model import Block, Location
from agreementkit.check.patterns import scan
from agreementkit.check.training import CUAD_TOPICS, LabelledContract, design_matrix, fit


def blocks(*texts: str) -> list[Block]:
    return [Block(t, Location(i)) for i, t in enumerate(texts)]


def test_shipped_model_covers_the_cuad_topics_with_valid_rules() -> None:
    model = load_model()
    assert set(model.topics) == set(CUAD_TOPICS)
    assert set(model.decisions) == set(CUAD_TOPICS)
    for decision in model.decisions.values():
        assert decision.rule in RULES
        assert 0.0 < decision.threshold < 1.0
    assert model.weights.shape == (len(model.features), len(model.topics))
    assert len(model.features) > 1000


def test_model_file_round_trips_and_is_reproducible() -> None:
    model = load_model()
    again = TopicModel.from_json(model.to_json())
    rows = sentence_rows(scan(blocks("Neither party may assign this Agreement without the consent of the other.")))
    assert np.allclose(model.probabilities(rows), again.probabilities(rows))
    assert model.dumps() == again.dumps()


def test_features_are_words_pairs_heading_and_pattern_hits() -> None:
    feats = sentence_features("Licensee shall pay 5% royalties.", "Royalties", ["revenue_sharing"], ["revenue_sharing"])
    assert {"licensee", "shall pay", "#", "h:royalties", "p:revenue_sharing", "ph:revenue_sharing"} <= set(feats)
    assert list(feats) == sorted(set(feats))


def test_decision_rules() -> None:
    assert Decision("pattern", 0.5).present(True, 0.0)
    assert not Decision("model", 0.5).present(True, 0.4)
    assert Decision("model", 0.5).present(False, 0.5)
    assert not Decision("both", 0.5).present(False, 0.9)
    assert Decision("both", 0.5).present(True, 0.9)
    assert Decision("either", 0.5).present(False, 0.9)
    assert not Decision("either", 0.5).present(False, 0.1)


def _synthetic_contracts() -> list[LabelledContract]:
    """Small contracts we wrote, labelled by construction: law sentences vs audit sentences vs filler."""
    law = [
        "This Agreement is governed by the laws of the State of {}.",
        "The laws of {} govern this Agreement and its interpretation.",
        "Any question about this Agreement is decided under the law of {}.",
    ]
    audit = [
        "The Supplier may inspect the books of the Distributor in {} once a year.",
        "Records kept in {} are open to audit by the Supplier on notice.",
        "The Distributor shall let auditors examine its accounts in {}.",
    ]
    filler = [
        "Deliveries to {} are made on business days.",
        "The parties met in {} to discuss the plan.",
        "Products are packed for shipment to {}.",
    ]
    places = ["Ohio", "Texas", "Oregon", "Nevada", "Maine", "Utah"]
    contracts = []
    for n, place in enumerate(places):
        texts = [law[n % 3].format(place), audit[(n + 1) % 3].format(place), filler[n % 3].format(place),
                 filler[(n + 2) % 3].format(place)]
        found = scan(blocks(*texts))
        rows = sentence_rows(found)
        row_topics = []
        for row in rows:
            topics = set()
            if row.block == 0:
                topics.add("governing_law")
            if row.block == 1:
                topics.add("audit_rights")
            row_topics.append(frozenset(topics))
        contracts.append(LabelledContract(f"c{n}", rows, row_topics, frozenset(found.evidence()),
                                          frozenset({"governing_law", "audit_rights"})))
    return contracts


def test_runtime_scoring_equals_the_fitted_linear_model() -> None:
    pytest.importorskip("sklearn")
    contracts = _synthetic_contracts()
    model = fit(contracts, topics=("governing_law", "audit_rights"), c=1.0, prune=0.0)
    rows = [r for c in contracts for r in c.rows]
    x = design_matrix(rows, model.features)
    expected = 1.0 / (1.0 + np.exp(-(x @ model.weights + model.intercepts)))
    assert np.allclose(model.probabilities(rows), expected)


def test_fitted_model_tells_the_topics_apart_on_unseen_sentences() -> None:
    pytest.importorskip("sklearn")
    model = fit(_synthetic_contracts(), topics=("governing_law", "audit_rights"), c=10.0, prune=0.0)
    rows = sentence_rows(scan(blocks("This Agreement is governed by the laws of Vermont.",
                                     "Records kept in Vermont are open to audit by the Supplier on notice.")))
    probs = model.probabilities(rows)
    law, audit = model.topics.index("governing_law"), model.topics.index("audit_rights")
    assert probs[0, law] > 0.5 > probs[0, audit]
    assert probs[1, audit] > 0.5 > probs[1, law]


def _one_word_model(rule: str) -> TopicModel:
    """A model that believes only the word 'zebra' shows governing law."""
    return TopicModel(
        ("governing_law",), {"zebra": 0}, np.array([[40.0]]), np.array([-10.0]),
        {"governing_law": Decision(rule, 0.5)}, {},  # type: ignore[arg-type]
    )


def test_model_adds_a_topic_the_patterns_missed_with_its_sentence_as_evidence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(learned, "load_model", lambda: _one_word_model("either"))
    found = classify(blocks("Deliveries are weekly.", "The zebra clause applies. Nothing else."))
    assert "governing_law" in found
    assert "zebra" in found["governing_law"][0].quote
    assert found["governing_law"][0].location.paragraph == 1


def test_the_models_best_sentence_leads_the_evidence_of_a_pattern_topic(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the heading and the first pattern hit name the topic; the zebra sentence is what the model scores highest
    monkeypatch.setattr(learned, "load_model", lambda: _one_word_model("either"))
    found = classify(blocks(
        "Governing Law",
        "This Agreement shall be governed by the laws of the State of New York.",
        "The zebra clause applies. Nothing else.",
    ))
    evidence = found["governing_law"]
    assert "zebra" in evidence[0].quote and evidence[0].location.paragraph == 2
    assert len({ev.location for ev in evidence}) == len(evidence)  # one quote per paragraph
    assert any(ev.location.paragraph in (0, 1) for ev in evidence[1:])  # the pattern evidence stays


def test_model_vetoes_a_pattern_match_under_the_model_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "This Agreement shall be governed by the laws of the State of New York."
    assert "governing_law" in classify(blocks(text))
    monkeypatch.setattr(learned, "load_model", lambda: _one_word_model("model"))
    assert "governing_law" not in classify(blocks(text))
    monkeypatch.setattr(learned, "load_model", lambda: _one_word_model("pattern"))
    assert "governing_law" in classify(blocks(text))


def test_a_vetoed_pattern_match_is_no_evidence_for_the_model() -> None:
    rows = sentence_rows(scan(blocks("The Company retains the exclusive right, title and interest in and to the Marks.")))
    assert any("x:exclusivity" in r.features for r in rows)
    assert load_model().best(rows)["exclusivity"][0] == 0.0


def test_chinese_text_is_left_to_the_patterns() -> None:
    found = classify(blocks("本契約之解釋及適用，以中華民國法律為準據法。", "雙方同意以臺灣臺北地方法院為第一審管轄法院。" * 3))
    assert "governing_law" in found


ENGLISH_CASES = [
    ("The appointment of the Distributor is non-exclusive and the Supplier may appoint other distributors "
     "in the Territory.", "exclusivity", False),
    ("The courts of New York shall have exclusive jurisdiction over any dispute arising out of this Agreement.",
     "exclusivity", False),
    ("Supplier appoints Distributor as its exclusive distributor of the Products in the Territory.", "exclusivity", True),
    ("This Agreement shall be governed by the laws of the State of Delaware.", "governing_law", True),
    ("Distributor shall comply with all applicable laws of the Territory.", "governing_law", False),
    ("Neither party may assign this Agreement without the prior written consent of the other party.",
     "anti_assignment", True),
    ("Title to the Products passes to Distributor upon delivery.", "anti_assignment", False),
    ("This Agreement shall automatically renew for successive one-year terms unless either party gives notice "
     "of non-renewal at least 90 days before the end of the then-current term.", "renewal_notice", True),
    ("The parties may discuss a possible extension of this Agreement before it expires.", "renewal", False),
    ("Each party shall maintain commercial general liability insurance of at least $1,000,000 per occurrence.",
     "insurance", True),
    ("Prices are quoted CIF and include freight and insurance charges.", "insurance", False),
    ("Either party may terminate this Agreement for any reason upon ninety (90) days prior written notice.",
     "termination_for_convenience", True),
    ("Either party may terminate this Agreement if the other party materially breaches it and fails to cure "
     "within thirty days.", "termination_for_convenience", False),
    ("Distributor shall purchase at least 10,000 units in each calendar year.", "minimum_commitment", True),
    ("There is no minimum purchase requirement under this Agreement.", "minimum_commitment", False),
    ("Nothing in this Agreement shall require the Reseller to purchase any minimum quantity of Products.",
     "minimum_commitment", False),
]


@pytest.mark.parametrize(("text", "topic_id", "present"), ENGLISH_CASES)
def test_patterns_and_shipped_model_together_on_english_sentences(text: str, topic_id: str, present: bool) -> None:
    found = classify(blocks("DISTRIBUTION AGREEMENT", text))
    assert (topic_id in found) is present


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=300), min_size=1, max_size=6))
def test_any_text_is_classified_without_error_and_evidence_points_inside(texts: list[str]) -> None:
    found = classify(blocks(*texts))
    for evidence in found.values():
        assert evidence
        for ev in evidence:
            assert 0 <= ev.location.paragraph < len(texts)
    rows = sentence_rows(scan(blocks(*texts)))
    assert all(r.features == tuple(sorted(set(r.features))) for r in rows)
