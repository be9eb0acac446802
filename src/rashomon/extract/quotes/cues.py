"""Cue words of attribution: which verbs and nouns say that someone said something.

A verb is a cue where the cue model accepts it: a logistic regression over the verb's parse (its
lemma, the frame kind it opens, :func:`.frames.verb_kind`: clause, infinitive, object, topic phrase,
parenthetical, none; what its subject is: a person, a pronoun, an organisation, ...; its dependency,
tense, negation, modal, object and preposition, a quote mark beside it) gives the probability that it
is a gold cue in the PolNeAR train split, accepted at or above a threshold chosen by cross-fitting on
train. Only lemmas that are cues in train often enough are read at all (``cue_lexicon``). A noun with a
frame ("his concern that ...", "criticism from X") is scored by the same model over its own features
(``noun_features``), where its lemma is a cue often enough (``noun_cues``). The model ships in
``rashomon/models/quotes/cues.json``; ``scripts/train_quotes.py`` rebuilds it.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

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
PERSONAL = frozenset({"he", "she", "they", "i", "we", "you", "his", "her", "their", "my", "our", "your"})
REL_PRONOUNS = frozenset({"who", "which", "that"})
QUOTE_MARKS = ("”", '"', "''", "“")


@lru_cache(maxsize=1)
def cue_model() -> dict:
    """The cue model as packaged (``rashomon/models/quotes/cues.json``): verb lemmas, feature weights,
    noun cue lemmas and threshold; {} when the file is absent."""
    try:
        raw = resources.files("rashomon.models.quotes").joinpath("cues.json").read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return {}
    return json.loads(raw)


def subject_class(subj: Token | None) -> str:
    """What a cue's subject is, as the cue model reads it: none, a personal or relative pronoun, an
    entity type, a proper noun or another noun."""
    if subj is None:
        return "none"
    low = subj.lower_
    if low in PERSONAL:
        return "pron"
    if low in REL_PRONOUNS:
        return "rel"
    return subj.ent_type_ or ("propn" if subj.pos_ == "PROPN" else "noun")


def quote_marks_near(sdoc: Doc) -> list[tuple[bool, bool]]:
    """Per token of ``sdoc``: whether a quote mark is within three tokens of it, and whether its sentence has
    one (one vectorised pass per document, where asking each verb walks its sentence anew)."""
    import numpy as np
    from spacy.attrs import ORTH, SENT_START

    arr = sdoc.to_array([ORTH, SENT_START])
    sentence = np.cumsum(arr[:, 1] == 1)
    marks = [sdoc.vocab.strings.add(m) for m in QUOTE_MARKS]
    is_mark = np.isin(arr[:, 0], np.array(marks, dtype=arr.dtype))
    seen = np.concatenate([[0], np.cumsum(is_mark)])  # marks before each token
    at = np.arange(len(sdoc))
    near = seen[np.minimum(at + 3, len(sdoc))] - seen[np.maximum(at - 3, 0)] > 0
    return list(zip(near.tolist(), np.isin(sentence, sentence[is_mark]).tolist()))


def verb_features(verb: Token, kind: str, subj: Token | None, marks: tuple[bool, bool]) -> list[str]:
    """The cue model's features of a verb opening a frame of ``kind`` with subject ``subj`` (``marks``:
    its :func:`quote_marks_near`)."""
    lemma = verb.lemma_.lower()
    sc = subject_class(subj)
    has = "s" if subj is not None else "n"
    out = [
        "bias",
        f"l={lemma}",
        f"lk={lemma}|{kind}",
        f"ls={lemma}|{has}",
        f"lks={lemma}|{kind}|{has}",
        f"k={kind}|{has}",
        f"sc={sc}",
        f"lsc={lemma}|{sc}",
        f"ksc={kind}|{sc}",
        f"dep={verb.dep_}",
        f"ldep={lemma}|{verb.dep_}",
        f"tag={verb.tag_}",
        f"ltag={lemma}|{verb.tag_}",
    ]
    if verb.head is not verb:
        out.append(f"head={verb.head.pos_}|{verb.dep_}")
    if subj is not None and sc in ("noun", "propn"):
        out.append(f"subj={subj.lemma_.lower()}")
    for c in verb.children:
        dep = c.dep_
        if dep == "neg":
            out.append("neg")
        elif c.tag_ == "MD":
            out.append("modal")
        elif dep == "nsubjpass":
            out.append(f"passive|{lemma}")
        elif dep == "dobj":
            out += [f"obj={lemma}|{c.lemma_.lower()}", f"objtype={c.pos_}|{c.ent_type_}"]
        elif dep == "prep" and c.i > verb.i:
            out.append(f"prep={lemma}|{c.lower_}")
        elif dep in ("ccomp", "csubj"):
            out.append(f"clause={c.pos_}")
            if any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
                out.append(f"that|{lemma}")
        elif dep == "xcomp":
            out.append(f"xcomp={lemma}|{c.lemma_.lower()}")
    if marks[0]:
        out += ["quote", f"quote|{lemma}"]
    elif marks[1]:
        out.append(f"quoted|{lemma}")
    return out


def noun_features(noun: Token, subj: Token | None) -> list[str]:
    """The cue model's features of a noun with a frame ("his concern that ...", "criticism from X") whose
    source is ``subj``."""
    lemma = noun.lemma_.lower()
    sc = subject_class(subj)
    out = ["noun", f"n={lemma}", f"nsc={lemma}|{sc}", f"nsub={sc}", f"ndep={noun.dep_}", f"nldep={lemma}|{noun.dep_}"]
    if noun.head is not noun:
        out.append(f"nhead={noun.head.lemma_.lower()}|{lemma}")
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp") and c.i > noun.i:
            out.append(f"nclause={lemma}")
        elif c.dep_ == "prep" and c.i > noun.i:
            out.append(f"nprep={lemma}|{c.lower_}")
    return out


def _probability(features: list[str], fallback: bool) -> float:
    weights: dict[str, float] = cue_model().get("weights", {})
    if not weights:
        return 1.0 if fallback else 0.0
    z = sum(weights.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def verb_cue_probability(verb: Token, kind: str, subj: Token | None, marks: tuple[bool, bool]) -> float:
    """How likely ``verb`` (opening a frame of ``kind``, with subject ``subj``) is an attribution cue."""
    fallback = subj is not None and verb.lemma_.lower() in BASE_CUES
    return _probability(verb_features(verb, kind, subj, marks), fallback)


def noun_cue_probability(noun: Token, subj: Token | None) -> float:
    """How likely ``noun`` (with a frame whose source is ``subj``) is an attribution cue."""
    return _probability(noun_features(noun, subj), noun.lemma_.lower() in SPEECH_NOUNS)


def cue_threshold() -> float:
    """The probability at or above which a verb is a cue."""
    return float(cue_model().get("threshold", 0.5))


@lru_cache(maxsize=1)
def cue_lexicon() -> frozenset[str]:
    """Verb lemmas the cue model reads: those that are cues in train often enough (an unseen lemma is
    no cue)."""
    return frozenset(cue_model().get("verbs", ())) | BASE_CUES


def noun_cues() -> frozenset[str]:
    """Noun lemmas that act as attribution cues ("his concern that ...", "a statement from X")."""
    return frozenset(cue_model().get("nouns", ())) | SPEECH_NOUNS
