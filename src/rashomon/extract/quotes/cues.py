"""Cue words of attribution: which verbs and nouns say that someone said something.

A verb is a cue where the cue model accepts it: the probability that a verb of this lemma, frame kind
(clause, infinitive, object, topic phrase, parenthetical, none; :func:`.frames.verb_kind` reads it) and
with or without a subject is a gold cue in the PolNeAR train split, smoothed towards the lemma, at or
above a threshold chosen by cross-fitting on train. Noun cues are lemmas that are cues often enough where
a frame can be read. The model ships in ``rashomon/models/quotes/cues.json``; ``scripts/train_quotes.py``
rebuilds it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

# Cue lemmas used when the packaged lexicon is absent (it never is in a release).
BASE_CUES = frozenset(
    """say tell add state claim argue note explain insist write report announce declare warn
urge ask suggest acknowledge admit deny reply respond recall predict promise contend assert maintain tweet
emphasize stress indicate describe confirm reveal mention observe remark comment conclude concede pledge vow
testify allege charge complain accuse caution point express call""".split()
)
SPEECH_NOUNS = {
    "hope",
    "concern",
    "confidence",
    "disappointment",
    "belief",
    "view",
    "fear",
    "regret",
    "satisfaction",
    "opinion",
    "doubt",
    "gratitude",
    "support",
    "wish",
}


@lru_cache(maxsize=1)
def cue_model() -> dict:
    """The cue model as packaged (``rashomon/models/quotes/cues.json``): verb frame counts, noun cue
    lemmas, smoothing and threshold; {} when the file is absent."""
    try:
        raw = resources.files("rashomon.models.quotes").joinpath("cues.json").read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return {}
    return json.loads(raw)


@lru_cache(maxsize=1)
def verb_model() -> tuple[dict[str, float], float]:
    """(probability that a verb is a cue, per "lemma|kind|subject" key; acceptance threshold).

    The probabilities are smoothed estimates from PolNeAR train (scripts/train_quotes.py):
    a frame kind backs off to the lemma, an unseen lemma is no cue."""
    lex = cue_model()
    table: dict[str, list[int]] = lex.get("verb_frames", {})
    m = float(lex.get("smoothing", 4.0))
    lemma_n: dict[str, list[int]] = {}
    kind_n: dict[str, list[int]] = {}
    for key, (c, n) in table.items():
        lemma, kind, _ = key.split("|")
        for agg, k in ((lemma_n, lemma), (kind_n, f"{lemma}|{kind}")):
            acc = agg.setdefault(k, [0, 0])
            acc[0] += c
            acc[1] += n
    probs: dict[str, float] = {}
    for key, (c, n) in lemma_n.items():
        probs[key] = c / n
    for key, (c, n) in kind_n.items():
        probs[key] = (c + m * probs[key.split("|")[0]]) / (n + m)
    for key, (c, n) in table.items():
        probs[key] = (c + m * probs[key.rsplit("|", 1)[0]]) / (n + m)
    return probs, float(lex.get("threshold", 0.5))


def verb_cue_probability(lemma: str, kind: str, subject: bool) -> float:
    """How likely a verb with this lemma, frame kind and (no) subject is an attribution cue."""
    probs, _ = verb_model()
    for key in (f"{lemma}|{kind}|{'subj' if subject else 'nosubj'}", f"{lemma}|{kind}", lemma):
        if key in probs:
            return probs[key]
    return 1.0 if subject and lemma in BASE_CUES else 0.0


@lru_cache(maxsize=1)
def cue_lexicon() -> frozenset[str]:
    """Verb lemmas that the cue model accepts in at least one frame kind (see ``verb_cue_probability``)."""
    probs, threshold = verb_model()
    return frozenset(k.split("|")[0] for k, p in probs.items() if p >= threshold) | BASE_CUES


def noun_cues() -> frozenset[str]:
    """Noun lemmas that act as attribution cues ("his claim that ...", "a statement from X")."""
    return frozenset(cue_model().get("nouns", ())) | SPEECH_NOUNS
