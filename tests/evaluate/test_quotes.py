"""PolNeAR attribution scores: the BRAT reader, the scorer, and pinned floors.

The floors are measured on a fixed subset (the first 30 dev documents in sorted order) to
keep CI fast; ``rashomon eval quotes --data ../shared/data/polnear/dev`` scores all of dev.
"""

from __future__ import annotations

import pytest

from rashomon.evaluate.quotes import GoldAttribution, evaluate, read_ann, score
from rashomon.options import Options
from tests.conftest import DATA, need

ANN = """T1\tSource 0 4\tMira
T2\tCue 5 9\tsaid
T3\tContent 10 20;25 30\tthe bridge
T4\tAttribution 5 9\tsaid
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
T5\tCue 40 50\taccording
T6\tContent 52 60\tstuff
E2\tAttribution-no-source:T9 Content:T6 Cue:T5
T7\tDiscard 70 80\tignored
broken line
"""


def test_read_ann() -> None:
    gold = read_ann(ANN)
    assert gold == [
        GoldAttribution(((0, 4),), ((5, 9),), ((10, 20), (25, 30))),
        GoldAttribution((), ((40, 50),), ((52, 60),)),
    ]


class _Pred:
    def __init__(self, source, cue, content):
        self.source, self.cue, self.content = source, cue, content


def test_score_counts_tokens_and_triples() -> None:
    text = "Mira said the bridge will open soon ."
    gold = [GoldAttribution(((0, 4),), ((5, 9),), ((10, 35),))]
    perfect = score([("d", text, gold)], [[_Pred((0, 4), (5, 9), ((10, 35),))]])
    assert perfect["source"]["f1"] == perfect["content"]["f1"] == perfect["triple"]["f1"] == 1.0
    half = score([("d", text, gold)], [[_Pred((0, 4), (5, 9), ((10, 20),))]])
    assert half["content"]["precision"] == 1.0 and half["content"]["recall"] == 0.4
    assert half["triple"]["f1"] == 1.0  # overlap is enough for a triple
    wrong = score([("d", text, gold)], [[_Pred((21, 25), (5, 9), ((26, 35),))]])
    assert wrong["source"]["f1"] == 0.0 and wrong["triple"]["f1"] == 0.0 and wrong["cue_attribution"]["f1"] == 1.0
    none = score([("d", text, gold)], [[]])
    assert none["source"]["recall"] == 0.0 and none["triple"]["precision"] == 0.0


def test_label_marks_every_token_a_span_touches() -> None:
    from rashomon.evaluate.quotes import _label, _tokens

    text = "ab cd, ef gh"
    tokens = _tokens(text)  # ab(0,2) cd(3,5) ef(7,9) gh(10,12)
    assert _label(tokens, [(1, 4)]) == {0, 1}
    assert _label(tokens, [(2, 3)]) == set()  # only the space between
    assert _label(tokens, [(5, 7)]) == set()  # ", " touches no word
    assert _label(tokens, [(4, 11), (0, 1)]) == {0, 1, 2, 3}
    assert _label(tokens, [(12, 20)]) == set()


# reached on the subset (limit=30) minus 0.02 (source 0.765, content 0.809, content precision 0.908,
# triple 0.666, cue 0.721); on all of dev source F1 0.783 and content F1 0.812, both below #20's 0.85
FLOORS = {
    "source.f1": 0.746,
    "content.f1": 0.789,
    "content.precision": 0.888,
    "triple.f1": 0.646,
    "cue_attribution.f1": 0.702,
}


@pytest.mark.slow
def test_polnear_dev_subset_floors() -> None:
    result = evaluate(need(DATA / "polnear" / "dev"), Options(), limit=30)
    for key, floor in FLOORS.items():
        role, metric = key.split(".")
        assert result[role][metric] >= floor, (key, result[role][metric])
