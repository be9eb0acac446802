"""Counting the people a phrase names, for the casualty reader (:mod:`.casualties`).

"two teens" are two, "a man", "the driver", "Jane Doe", "he" and "himself" are one, "a 16-year-old"
(an age standing for the person) is one, "both victims" and "the couple" two, "no one" / "nobody"
zero, "multiple" / "several" / "dozens of" people only a lower bound; coordinated people add up
("a man and a woman", "a 16-year-old and two children", "a woman, a girl and a man"), "half a dozen"
is six, and a bare number standing for people ("Six were shot", "3 killed and 5
wounded") counts them. An age describing a person ("a 23-year-old man") never counts: it hangs off
"year", not off the person. A dateline parsed as the subject ("KIDRON, Ohio - A boy was shot") gives
way to the person it stands in apposition with.

:func:`count` returns ``(value, low, high)``, or None when the phrase is no one countable (not a
person, "they").
"""

from __future__ import annotations

from spacy.tokens import Token

from . import numbers as N

Count = tuple[float | None, float | None, float | None]

PEOPLE = {
    "man", "woman", "men", "women", "boy", "girl", "teen", "teenager", "person", "people", "victim", "child",
    "children", "kid", "baby", "toddler", "infant", "driver", "passenger", "officer", "deputy", "trooper", "student",
    "resident", "customer", "bystander", "employee", "worker", "clerk", "owner", "father", "mother", "son",
    "daughter", "brother", "sister", "husband", "wife", "girlfriend", "boyfriend", "friend", "neighbor", "neighbour",
    "cousin", "uncle", "aunt", "nephew", "niece", "grandmother", "grandfather", "suspect", "gunman", "shooter",
    "male", "female", "juvenile", "adult", "individual", "other", "civilian", "soldier", "patron", "guard",
    "pedestrian", "motorist", "youth", "relative", "member", "one", "someone", "anyone", "nobody",
    "grandson", "granddaughter", "grandchild", "stepfather", "stepmother", "stepson", "stepdaughter", "parent",
    "mom", "dad", "sibling", "twin", "spouse", "fiance", "fiancee", "partner", "roommate", "classmate", "teacher",
    "coach", "player", "occupant", "tenant", "homeowner", "landlord", "cyclist", "bicyclist", "motorcyclist",
    "robber", "burglar", "intruder", "attacker", "assailant", "gunmen", "inmate", "prisoner", "hostage",
    "agent", "firefighter", "paramedic", "sheriff", "pastor", "rapper", "shopper", "cashier", "manager",
    "teenage", "minor", "newborn", "senior", "veteran", "acquaintance", "co-worker", "coworker",
}  # fmt: skip
# the words for a person as one regex alternation, the longest first ("grandmother" before "mother")
PEOPLE_PATTERN = "|".join(sorted(PEOPLE, key=len, reverse=True))
PAIRS = {"couple": 2.0, "pair": 2.0, "both": 2.0, "twins": 2.0}
SINGULAR_DETS = {"a", "an", "the", "this", "that", "one", "another", "his", "her", "their", "its", "our", "my"}
ZERO_DETS = {"no", "none", "neither"}
SINGLE_PRONOUNS = {"he", "she", "him", "her", "himself", "herself", "self"}
SOME_WORDS = {"multiple": 2.0, "several": 3.0, "many": 3.0, "numerous": 3.0, "some": 2.0, "dozens": 24.0}
ANYONE = {"one", "person", "people", "other", "victim", "individual", "bystander", "civilian", "resident", "anyone"}
MULTIPLE = {"double": 2.0, "triple": 3.0, "quadruple": 4.0, "quintuple": 5.0}  # "a double shooting": two shot
ORDINALS = {"second": 2.0, "third": 3.0, "fourth": 4.0, "fifth": 5.0, "sixth": 6.0, "seventh": 7.0}
# how a hospital states the condition of the hurt ("in critical condition", "in good condition"): the one list the
# casualty reader, the headline reader and the incident tally read it by
CONDITIONS = ("critical", "serious", "stable", "grave", "fair", "guarded", "satisfactory", "good")
HARMED = {"dead", "killed", "slain", "injured", "wounded", "hurt", "shot"}  # said of the people before it
AGE_UNITS = {"year", "years", "month", "months", "week", "weeks", "day", "days"}


def is_age_noun(t: Token) -> bool:
    """ "a 16-year-old", "the 7 year old", "an 18-month-old": an age standing for the person."""
    return t.lower_ == "old" and any(c.lower_ in AGE_UNITS for c in t.children)


def is_person(t: Token) -> bool:
    low = t.lower_
    return (
        t.ent_type_ == "PERSON"
        or t.lemma_.lower() in PEOPLE
        or low in PEOPLE
        or low in SINGLE_PRONOUNS
        or low in PAIRS
        or (low == "another" and t.pos_ in ("PRON", "DET"))
        or _ordinal_one(t)
        or low in ("dozens", "scores", "hundreds")
        or is_age_noun(t)
        or _demonym(t)
    )


def _demonym(t: Token) -> bool:
    """People named by their nationality or group: "613 Azerbaijanis were killed", "wounded 30 Palestinians": a
    capitalised plural the tagger calls a nationality or that a number counts (the tagger's type of an unfamiliar
    one varies: an organisation, a name, part of the number)."""
    return (
        t.tag_ in ("NNPS", "NNS", "NNP")
        and t.text[:1].isupper()
        and t.text.endswith("s")
        and (t.ent_type_ == "NORP" or any(c.dep_ == "nummod" for c in t.children))
    )


def _ordinal_one(t: Token) -> bool:
    """An ordinal standing for one more person: "a fourth was wounded", "the third died"."""
    return t.lower_ in ORDINALS and any(c.dep_ == "det" and c.lower_ in ("a", "the") for c in t.children)


NOT_NAMES = {"GPE", "LOC", "FAC", "DATE", "TIME", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "MONEY",
             "QUANTITY", "CARDINAL", "ORDINAL", "PERCENT", "LANGUAGE"}  # fmt: skip


def is_name(t: Token) -> bool:
    """A proper name the tagger did not call a person but that stands where a person does ("mortally wounding
    Troyer", "Madueno died"; names are often tagged ORG): not a place, a date, an all-capitals dateline; but a
    name set off with an age is a person, whatever the tagger's type ("killing Marla Quint, 18, and Devon
    Ashby, 20": "Ashby" tagged a building)."""
    return (
        t.tag_ == "NNP"
        and (t.ent_type_ not in NOT_NAMES or any(c.dep_ == "appos" and c.pos_ == "NUM" for c in t.children))
        and t.is_alpha
        and t.text[0].isupper()
        and t.text[1:].islower()
        and not any(c.dep_ == "det" for c in t.children)  # "the Post Dispatch"
    )


GROUPS = {"people", "person", "victim", "other", "individual"}  # words for a group a list after them may restate


def count(p: Token, until: int | None = None, measure: str = "killed") -> Count | None:
    """(value, low, high) of the people ``p`` heads, with the people listed with it; None when it is no one
    countable (see the module docstring). An ordinal person counts as at least that many dead ("a third
    man died": three dead), and as one person of any other ``measure`` ("killed two men and injured a third
    man": one hurt)."""
    if not is_person(p) and p.pos_ != "NUM" and not is_name(p):  # a dateline parsed as the subject: "FORT WORTH
        for a in p.children:  # - A 16-year-old" (but "43-year-old Bianca Arter" is the name's person)
            if a.dep_ in ("appos", "amod") and is_person(a):
                return count(a, measure=measure)
        return None
    if p.pos_ == "NUM" and _is_age(p):
        return None
    total: list[Count] = []
    listed = _listed(p, until)
    for k, t in enumerate(listed):
        c = _count_one(t, measure)
        if c is None and k == 0 and len(listed) > 1 and t.tag_ == "NNS":  # "the victims, two men and a woman"
            continue
        if c is None:
            # "the victims, two men and a woman"
            explained = next((a for a in t.children if a.dep_ == "appos" and is_person(a)), None)
            c = count(explained, measure=measure) if explained is not None else None
        if c is None and k and (t.tag_ in ("NN", "NNP") or is_age_noun(t)) and is_person(t):  # "a mother and
            c = (1.0, None, None)  # daughter", "a girl and 3-year-old"
        if c is None and k and total and t.pos_ == "NOUN" and not t.ent_type_ and not is_person(t):
            continue  # "injuring five people and damaging buildings": things harmed besides the people
        if c is None:
            return None
        total.append(c)
    if not total:
        return None
    if all(v is not None for v, _, _ in total):
        values = [v for v, _, _ in total if v is not None]
        restated = p.lemma_.lower() in GROUPS and p.i + 1 < len(p.doc) and p.doc[p.i + 1].text == ","
        if restated and len(values) > 2 and values[0] == sum(values[1:]):
            return (values[0], None, None)  # "three victims, two women and a man": the list tells who the three are
        return (sum(values), None, None)
    return (None, sum((v if v is not None else lo or 0) for v, lo, _ in total), None)


def _is_age(t: Token) -> bool:
    """A number set off after a name or a person: "Jane Doe, 66", "the victim, 23"."""
    return t.i >= 2 and t.doc[t.i - 1].text == "," and is_person(t.doc[t.i - 2])


def _harmed_after(t: Token) -> bool:
    """ "were injured", "was critically wounded" right after ``t``: a clause of its own."""
    after = [w.lower_ for w in t.doc[t.i + 1 : t.i + 4]]
    return bool(after) and after[0] in ("was", "were", "is", "are") and any(w in HARMED for w in after[1:])


def _listed(p: Token, until: int | None = None) -> list[Token]:
    """``p`` and the people listed with it: its conjuncts, a list the parser hung off it as an apposition
    ("his wife, two children and his mother-in-law") or off an age ("Jane Doe, 66 and Mary Doe, 64")."""
    out = [p]
    # not the people before ``p`` that a word of harm of their own follows ("six others" in "one man dead and six
    # others with wounds" is not the man), nor those from ``until`` (a predicate after the people it tells of:
    # "a man dead and six others wounded")
    end = until if until is not None else len(p.doc)
    told = {c.i for c in p.conjuncts if c.i < p.i and any(w.lower_ in HARMED for w in p.doc[c.i + 1 : p.i])}
    # nor, where ``p`` follows its word of harm, those after it that a clause of harm of their own follows ("killed
    # 613 people and 487 others were injured"; but "a man and two others were killed" share theirs)
    if p.head.i < p.i:
        told |= {c.i for c in p.conjuncts if c.i > p.i and _harmed_after(c)}
    for t in [p, *(c for c in p.conjuncts if c.i < end and c.i not in told)]:
        if t is not p and (t.pos_ in ("NOUN", "PROPN", "PRON") or t.pos_ == p.pos_ == "NUM" or is_age_noun(t)):
            out.append(t)
        # "a 16-year-old and two children": an age coordinated with the people it precedes is one more person
        ages = (a for a in t.children if a.dep_ == "amod" and is_age_noun(a))
        out += [a for a in ages if any(c.dep_ == "cc" for c in a.children)]
        for a in t.children:
            if a.dep_ != "appos":
                continue
            if a.pos_ == "NUM":  # an age: the people coordinated with it are listed
                out += [c for c in a.conjuncts if is_person(c) and c.pos_ != "NUM"]
            elif t.tag_ == "NN" and a.tag_ == "NNS" and is_person(a) and any(c.dep_ == "nummod" for c in a.children):
                out += [a, *(c for c in a.conjuncts if is_person(c))]  # a plural count is no restatement
            elif t.tag_ == "NN" and a.tag_ == "NN" and is_person(a) and any(is_person(c) for c in a.conjuncts):
                out += [a, *(c for c in a.conjuncts if is_person(c))]  # "a woman, a girl and a boy": a list
    return list(dict.fromkeys(out))


def _number(c: Token) -> Count | None:
    """The count the number ``c`` gives ("two", "twenty-five", "1,200", "at least six"), hedged: the run of
    number words that ends at ``c`` (never an age or a number elsewhere in its phrase)."""
    first = c.i
    while first > 0 and (c.doc[first - 1].pos_ == "NUM" or c.doc[first - 1].lower_ in ("-", "and")):
        first -= 1
    while first < c.i and c.doc[first].pos_ != "NUM":
        first += 1
    words = [w.lower_ for w in c.doc[first : c.i + 1]]
    value = N.word_value(words)
    if value is None and c.text.replace(",", "").isdigit():
        value = float(c.text.replace(",", ""))
    if value is not None and words[-1] == "dozen":  # "half a dozen", "a half-dozen": 6, not 12
        before = first - 1
        while before > 0 and c.doc[before].lower_ in ("-", "a", "an"):
            before -= 1
        if before >= 0 and c.doc[before].lower_ == "half":
            value, first = value / 2, before
    if value is None or value != int(value) or value > 999:  # a year, an address or a decimal is no head count
        return None
    hedge = N.hedge_before([w.lower_ for w in c.doc[max(0, first - N.MAX_HEDGE) : first]])
    fields = N.hedge_fields(value, hedge[1]) if hedge else {}
    if "low" in fields or "high" in fields:
        return (None, fields.get("low"), fields.get("high"))
    return (value, None, None)


def _count_one(t: Token, measure: str) -> Count | None:
    low = t.lower_
    if low in ("nobody", "none") or (low in ("one", "anyone") and any(c.lower_ in ZERO_DETS for c in t.children)):
        return (0.0, None, None)
    if t.pos_ == "NUM" and t.dep_ not in ("nummod",):  # "Six were shot", "3 killed": a number standing for people
        # (the tagger may call a bare object a date: "killing 10 people and injuring 80")
        if low == "one" or t.ent_type_ in ("", "CARDINAL") or t.ent_type_ == "DATE" and t.dep_ == "dobj":
            return _number(t)
        return None
    if not is_person(t) and not is_name(t):
        return None
    if low in PAIRS:
        return (PAIRS[low], None, None)
    if low == "another" and t.pos_ in ("PRON", "DET"):  # "three were killed and another was injured"
        return (1.0, None, None)
    if low in ("dozens", "scores", "hundreds"):  # "dozens were wounded", "dozens of people"
        return (None, N.VAGUE[low][0] if low != "dozens" else SOME_WORDS[low], None)
    if low in SINGLE_PRONOUNS or t.ent_type_ == "PERSON" and t.pos_ == "PROPN" or is_name(t) and not is_person(t):
        return (1.0, None, None)
    children = list(t.children)
    if any(c.dep_ == "det" and c.lower_ in ZERO_DETS for c in children):  # "no other people", not "no officers"
        return (0.0, None, None) if t.lemma_.lower() in ANYONE else None
    for c in children:
        if c.dep_ == "nummod" and c.i < t.i:  # "two teens" (an age hangs off "year", never off the person)
            return _number(c)
        if c.dep_ in ("amod", "det", "predet", "nmod") and c.lower_ in SOME_WORDS:
            return (None, SOME_WORDS[c.lower_], None)
        if c.dep_ in ("det", "predet") and c.lower_ == "both":
            return (2.0, None, None)
    ordinal = next((ORDINALS[c.lower_] for c in children if c.dep_ == "amod" and c.lower_ in ORDINALS), None)
    if _ordinal_one(t):  # "three men were shot and a fourth was wounded"
        ordinal = ORDINALS[low]
    if ordinal is not None and any(c.lower_ in ("a", "the") for c in children):  # "a third person has died"
        return (None, ordinal, None) if measure == "killed" else (1.0, None, None)
    # "a man", "his wife", "the girl's mother" (a possessor makes one person of a singular noun)
    singular = any(c.lower_ in SINGULAR_DETS or c.dep_ == "poss" for c in children) or low == "one"
    if singular and (is_age_noun(t) or t.tag_ in ("NN", "NNP")):
        return (1.0, None, None)
    return None
