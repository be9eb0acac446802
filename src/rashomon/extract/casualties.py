"""Casualties: how many people a text says were killed or injured, read from the parse, numbers or not.

News rarely writes "1 killed": it writes "a man was shot and killed", "two teens were wounded",
"killing the driver and injuring his passenger", "no one else was hurt", "multiple people were found
dead". For each verb or adjective of harm (``KILL``: kill, die, dead, fatally shot; ``INJURE``:
wound, injure, hurt; ``SHOOT``: shot, which may have killed or not) the reader finds the people it
happened to (the passive subject, the object, the subject of "die", or those of the verb it is
coordinated with) and counts them: a number ("two teens", "at least six others"), a singular person
("a man", "the driver", a name, "he") is one, "no one" / "nobody" / "no injuries" is zero,
"multiple" / "several" give a lower bound; coordinated people add up ("a man and a woman"). A person
shot and killed counts as killed only. An age ("a 23-year-old man") describes a person and never
counts, and a count over a period ("killed by guns this year", "since January") is a statistic, not
one event's casualties.

Each reading is a :class:`~rashomon.records.CasualtyClaim`: ``measure`` (killed | injured | shot),
``value`` (None when only bounds are known), ``low``/``high``, ``who`` (the people as written) and
the evidence span from the people to the verb.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..records import CasualtyClaim, Document, claim_id
from . import numbers as N

STAGE = "casualties@2"  # bump whenever the output changes: stored documents are re-read by this stage

KILL = {"kill", "murder", "slay", "die", "execute", "assassinate"}
INJURE = {"wound", "injure", "hurt", "stab", "graze"}
SHOOT = {"shoot"}  # hit by gunfire: killed or injured, the text may say which elsewhere ("... He died")
DEAD_WORDS = {"dead", "deceased", "lifeless"}
HURT_WORDS = {"injured", "wounded", "hurt"}
HARM_NOUNS = {"injury": "injured", "death": "killed", "fatality": "killed", "casualty": "injured"}
PEOPLE = {
    "man", "woman", "men", "women", "boy", "girl", "teen", "teenager", "person", "people", "victim", "child",
    "children", "kid", "baby", "toddler", "infant", "driver", "passenger", "officer", "deputy", "trooper", "student",
    "resident", "customer", "bystander", "employee", "worker", "clerk", "owner", "father", "mother", "son",
    "daughter", "brother", "sister", "husband", "wife", "girlfriend", "boyfriend", "friend", "neighbor", "neighbour",
    "cousin", "uncle", "aunt", "nephew", "niece", "grandmother", "grandfather", "suspect", "gunman", "shooter",
    "male", "female", "juvenile", "adult", "individual", "other", "civilian", "soldier", "patron", "guard",
    "pedestrian", "motorist", "youth", "relative", "member", "one", "someone", "anyone", "nobody",
}  # fmt: skip
SINGULAR_DETS = {"a", "an", "the", "this", "that", "one", "another", "his", "her", "their", "its", "our", "my"}
ZERO_DETS = {"no", "none", "neither"}
SINGLE_PRONOUNS = {"he", "she", "him", "her"}
SOME_WORDS = {"multiple": 2.0, "several": 3.0, "many": 3.0, "numerous": 3.0, "some": 2.0}


def _is_person(t: Token) -> bool:
    return t.ent_type_ == "PERSON" or t.lemma_.lower() in PEOPLE or t.lower_ in PEOPLE or t.lower_ in SINGLE_PRONOUNS


def _count(p: Token) -> tuple[float | None, float | None, float | None] | None:
    """(value, low, high) of the people ``p`` heads, with its coordinated people; None when it is no one
    countable (not a person, "they")."""
    total: list[tuple[float | None, float | None, float | None]] = []
    for t in [p, *p.conjuncts]:
        c = _count_one(t)
        if c is None:
            return None
        total.append(c)
    if all(v is not None for v, _, _ in total):
        return (sum(v for v, _, _ in total if v is not None), None, None)
    return (None, sum((v if v is not None else lo or 0) for v, lo, _ in total), None)


def _count_one(t: Token) -> tuple[float | None, float | None, float | None] | None:
    low = t.lower_
    if low in ("nobody", "none") or (low in ("one", "anyone") and any(c.lower_ in ZERO_DETS for c in t.children)):
        return (0.0, None, None)
    if not _is_person(t):
        return None
    if low in SINGLE_PRONOUNS or t.ent_type_ == "PERSON" and t.pos_ == "PROPN":
        return (1.0, None, None)
    children = list(t.children)
    if any(c.dep_ == "det" and c.lower_ in ZERO_DETS for c in children):
        return (0.0, None, None)
    for c in children:
        if c.dep_ == "nummod" and c.i < t.i:  # "two teens" (an age hangs off "year", never off the person)
            value = N.word_value([w.lower_ for w in c.subtree if w.i < t.i and w.pos_ == "NUM"])
            if value is None and c.text.replace(",", "").isdigit():
                value = float(c.text.replace(",", ""))
            if value is None:
                return None
            first = min(w.i for w in c.subtree if w.pos_ == "NUM")
            hedge = N.hedge_before([w.lower_ for w in t.doc[max(0, first - N.MAX_HEDGE) : first]])
            fields = N.hedge_fields(value, hedge[1]) if hedge else {}
            if "low" in fields or "high" in fields:
                return (None, fields.get("low"), fields.get("high"))
            return (value, None, None)
        if c.dep_ in ("amod", "det") and c.lower_ in SOME_WORDS:
            return (None, SOME_WORDS[c.lower_], None)
    if t.tag_ in ("NN", "NNP") and (any(c.lower_ in SINGULAR_DETS for c in children) or low == "one"):
        return (1.0, None, None)
    return None


def _patients(v: Token) -> list[Token]:
    """The people the harm word ``v`` happened to."""
    deps = ("nsubjpass", "dobj") if v.lemma_.lower() not in ("die",) and v.pos_ != "ADJ" else ("nsubj", "nsubjpass")
    found = [c for c in v.children if c.dep_ in deps]
    if not found and v.pos_ == "ADJ" and v.head is not v:  # "were found dead", "found two people dead"
        found = [c for c in v.head.children if c.dep_ in ("nsubjpass", "dobj")]
    if not found and v.dep_ in ("conj", "xcomp") and v.head is not v:  # "was shot and killed"
        found = _patients(v.head)
    return found


# a count over a period is a statistic, not the casualties of one event ("13,000 people were killed by
# guns this year", "the 300th person killed since January")
PERIOD = re.compile(
    r"\b(?:this|last|each|every|per|a|the past|so far this) (?:year|month|week)\b|\bsince (?:19|20)\d\d\b|"
    r"\bsince (?:January|February|March|April|May|June|July|August|September|October|November|December)\b|"
    r"\bin (?:19|20)\d\d\b|\bannually\b|\bso far\b|\bnationwide\b|\bhomicides\b",
    re.I,
)
IRREALIS = {"will", "would", "could", "might", "may", "should", "can", "to", "'ll", "must"}


def _factual(v: Token) -> bool:
    """The harm happened, as far as the sentence says: not negated ("she didn't die"), not a threat, wish
    or plan ("threatened to kill him", "would murder her"), not an imperative or bare infinitive."""
    if v.tag_ == "VB" or any(c.dep_ == "neg" for c in v.children):
        return False
    return not any(c.dep_ in ("aux", "auxpass", "mark") and c.lower_ in IRREALIS for c in v.children)


def _measure(v: Token) -> str | None:
    lemma = v.lemma_.lower()
    if v.pos_ == "ADJ" or v.dep_ in ("oprd", "acomp"):
        if v.lower_ in DEAD_WORDS:
            return "killed"
        if v.lower_ in HURT_WORDS:
            return "injured"
        return None
    if v.pos_ != "VERB":
        return None
    if lemma in KILL:
        return "killed"
    if lemma in SHOOT:
        return "killed" if any(c.lower_ in ("fatally", "dead") for c in v.children) else "shot"
    if lemma in INJURE:
        return "injured"
    return None


def extract(sdoc: Doc, document: Document) -> list[CasualtyClaim]:
    """Casualty claims of one parsed document (see the module docstring)."""
    readings: dict[int, tuple[str, Token, Token, tuple]] = {}  # person token -> (measure, word, person, count)
    zeros: list[tuple[str, Token]] = []
    for t in sdoc:
        noun = HARM_NOUNS.get(t.lemma_.lower())
        if noun and any(c.dep_ == "det" and c.lower_ in ZERO_DETS for c in t.children):  # "there were no injuries"
            zeros.append((noun, t))
            continue
        measure = _measure(t)
        if measure is None or not _factual(t) or PERIOD.search(t.sent.text):
            continue
        for p in _patients(t):
            count = _count(p)
            if count is None:
                continue
            prev = readings.get(p.i)
            if prev is None or (prev[0] != "killed" and measure == "killed"):  # shot and killed: killed
                readings[p.i] = (measure, t, p, count)
    out: list[CasualtyClaim] = []
    text = document.text
    for measure, word, person, (value, low, high) in readings.values():
        start = min(person.left_edge.idx, word.idx)
        last = max(person.right_edge, word, key=lambda x: x.i)
        end = max(last.idx + len(last.text), word.idx + len(word.text))
        out.append(_claim(document, text, start, end, measure, value, low, high, person))
    for measure, t in zeros:
        start, end = t.left_edge.idx, t.idx + len(t.text)
        out.append(_claim(document, text, start, end, measure, 0.0, None, None, t))
    return sorted({c.id: c for c in out}.values(), key=lambda c: (c.start, c.end))


def _claim(document: Document, text: str, start: int, end: int, measure: str, value: float | None,
           low: float | None, high: float | None, person: Token) -> CasualtyClaim:  # fmt: skip
    who = text[person.left_edge.idx : person.right_edge.idx + len(person.right_edge.text)]
    return CasualtyClaim(
        id=claim_id(document.id, "casualty", start, end),
        doc=document.id,
        start=start,
        end=end,
        text=text[start:end],
        stage=STAGE,
        measure=measure,
        value=value,
        low=low,
        high=high,
        who=who,
    )
