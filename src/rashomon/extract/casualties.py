"""Casualties: how many people a text says were killed or injured, read from the parse, numbers or not.

News rarely writes "1 killed": it writes "a man was shot and killed", "two teens were wounded", "killing
the driver and injuring his passenger", "no one else was hurt", "multiple people were found dead". For
each verb or adjective of harm (``KILL``: kill, die, dead, slain, passed away, fatally shot, shot to
death, gunned down; ``INJURE``: wound, injure, hurt, hospitalized, "treated at a hospital", "in critical
condition", "are in the hospital"; ``SHOOT``: shot, "struck by a bullet", "a bullet struck a girl", "struck in
the shoulder", which may have killed or not) the
reader finds the people it happened to (the passive subject, the object, the subject of "die", those of
the verb it is coordinated with, the person a relative clause or a reduced one hangs off: "the teen who
was shot", "one teen injured", "four people shot in the yard were treated") and counts them
(:mod:`.casualty_people`: numbers, people, lists, ages standing for a person). Harm is also read from
wounds ("suffered a fatal gunshot wound", "found a man with gunshot wounds", "showed up at a hospital
with a gunshot wound"), from nouns ("the shooting death of a teen", "claimed the lives of two men", "the
shooting of a boy", "a double shooting": two shot), from "Five were shot, one fatally" (one killed) and
from a shooter's suicide ("turned the gun on himself", "took his own life") and from a caption ("Travon S.
Overton fatally shot."). A person shot and killed
counts as killed only. Not read: a count over a period or of several shootings ("killed by guns this
year", "wounded in shootings across the city": a statistic, not one event's casualties; "earlier this
week" dates one event), harm dated
years ago, negated, wished or nearly happened ("threatened to kill", "was almost killed"), and zeros
over a group ("no officers were hurt") or of one kind ("no life-threatening injuries").

Each reading is a :class:`~rashomon.records.CasualtyClaim`: ``measure`` (killed | injured | shot),
``value`` (None when only bounds are known), ``low``/``high``, ``who`` (the people as written) and
the evidence span from the people to the verb. The document's title is read too, by the headline
reader (:mod:`.headlines`: "Teen shot, killed on South Side"), its claims marked ``part="title"``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..records import CasualtyClaim, Document, claim_id
from . import headlines
from .casualty_people import CONDITIONS, MULTIPLE, ZERO_DETS, count, is_person

STAGE = "casualties@44"  # bump whenever the output changes: stored documents are re-read by this stage

KILL = {"kill", "murder", "slay", "die", "execute", "assassinate", "succumb", "perish"}
INTRANSITIVE = {"die", "succumb", "perish", "pass"}  # the people are the subject: "he died", "she succumbed"
INJURE = {"wound", "injure", "hurt", "stab", "graze"}
SHOOT = {"shoot"}  # hit by gunfire: killed or injured, the text may say which elsewhere ("... He died")
STRIKE = {"strike", "hit"}  # "struck by a stray bullet": shot
GUNFIRE = {"bullet", "bullets", "gunfire", "round", "rounds", "shot", "shots", "shotgun", "gunshot", "fire"}
DEAD_WORDS = {"dead", "deceased", "lifeless", "slain"}
HURT_WORDS = {"injured", "wounded", "hurt", "hospitalized", "hospitalised"}
FATAL = {"fatally", "mortally", "dead"}
HARM_NOUNS = {"injury": "injured", "death": "killed", "fatality": "killed", "casualty": "injured"}
WOUNDS = {"wound", "injury"}  # "suffered a gunshot wound", "with gunshot wounds", "treated for injuries"
WOUND_VERBS = {"suffer", "sustain", "receive", "treat", "hospitalize", "recover", "survive"}
COPULAS = {"be", "remain", "lie", "lay"}  # "one teen is dead", "the man lay dead" (not "he found her dead")
RELATIVE = {"who", "that", "whom"}
CARE = {"hospital", "condition"}  # in a hospital's care: "in the hospital", "in critical condition"
CARE_VERBS = {"be", "remain", "list"}  # "is in the hospital", "remains in serious condition", "listed in ..."
ADDED = {"other", "further", "additional", "more", "else"}  # "no other injuries": none besides those told


def _patients(v: Token) -> list[Token]:
    """The people the harm word ``v`` happened to."""
    lemma = v.lemma_.lower()
    if v.pos_ == "ADJ" or v.dep_ in ("oprd", "acomp"):
        found = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not found and v.dep_ == "amod" and is_person(v.head):  # "found a boy dead" (parsed as a modifier)
            found = [v.head]
        if not found and v.head is not v:  # "were found dead", "found two people dead", "one teen is dead"
            deps = ("nsubjpass", "dobj", "nsubj") if v.head.lemma_.lower() in COPULAS else ("nsubjpass", "dobj")
            found = [c for c in v.head.children if c.dep_ in deps]
            if not found and v.head.dep_ == "acl" and v.head.lemma_.lower() == "find":
                found = [v.head.head]  # "the identities of two people found dead"
    else:
        deps = ("nsubj", "nsubjpass") if lemma in INTRANSITIVE else ("nsubjpass", "dobj")
        found = [c for c in v.children if c.dep_ in deps]
        if (
            lemma in SHOOT
            and [c.lower_ for c in found] in (["foot"], ["hand"], ["leg"])
            and any(g.dep_ == "poss" and g.lower_ in ("his", "her") for g in found[0].children)
        ):  # "he shot his left foot": he was shot
            found = _subjects(v)
        if not found and v.tag_ == "VBN" and not any(c.dep_ == "aux" for c in v.children):
            found = [c for c in v.children if c.dep_ == "nsubj"]  # "3 killed and 5 wounded", "dozens injured"
        if not found and (lemma in SHOOT or lemma == "find") and v.tag_ == "VBD" and not _aimed(v):
            # "four people shot in the yard were treated", "a teen shot in the head has died" (a reduced
            # relative parsed as the clause: counted people, or a wound's place; nothing they shot at), and a
            # caption: "Travon S. Overton fatally shot."
            hit = _in_body(v) or lemma in SHOOT and _fatally(v)
            counted = [c for c in v.children if c.dep_ == "nsubj" and any(g.dep_ == "nummod" for g in c.children)]
            found = [c for c in v.children if c.dep_ == "nsubj"] if hit else counted
    if not found and v.dep_ == "conj" and v.head.lemma_.lower() == "leave" and not _objects(v):
        found = [c for c in v.children if c.dep_ == "nsubj"]  # "left a man dead and a woman wounded"
    if not found:
        found = _copula_subjects(v)
    if not found and v.dep_ == "acl" and v.tag_ == "VBN":  # "one teen injured", "four people shot in the yard"
        found = [v.head]
    if not found and v.dep_ == "conj" and any(c.dep_ == "auxpass" for c in v.children):
        # "one man died and four others were injured", parsed with "others" a conjunct of "died": the people
        # conjoined between the two verbs are the subject of the second
        found = [c for c in v.head.children if c.dep_ == "conj" and v.head.i < c.i < v.i and is_person(c)]
    if not found and v.dep_ in ("conj", "xcomp") and v.head is not v:  # "was shot and killed"
        if lemma in INTRANSITIVE and v.head.pos_ == "VERB" and _measure(v.head) is None:
            # "she underwent surgery and died": the one who died is the subject, never the other verb's object
            found = [c for c in v.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        else:
            found = _patients(v.head)
    # "the teen who was shot": the person the relative clause hangs off
    return [v.head if p.lower_ in RELATIVE and v.dep_ == "relcl" else p for p in found]


# a count over a period is a statistic, not the casualties of one event ("13,000 people were killed by
# guns this year", "the 300th person killed since January"; but "Last month, a woman died after she was
# shot" is one event's, dated)
PERIOD = re.compile(
    r"(?<!earlier )(?<!late )\b(?:this|each|every|per|a|the past|so far this) (?:year|month|week)\b|"
    r"\blast year\b|\bsince (?:19|20)\d\d\b|"
    r"\bsince (?:January|February|March|April|May|June|July|August|September|October|November|December)\b|"
    r"\bin (?:19|20)\d\d\b|\bannually\b|\bso far\b|\bnationwide\b|\bhomicides\b|"
    r"\bshootings (?:across|around|throughout|from|since|between)\b|"
    r"\b(?:weekend|overnight|separate|several|multiple|two|three|four|five|\w+'s) shootings\b|"
    r"\b(?:in|between) (?:\w+ )?shootings\b|"
    r"\bcitywide\b",
    re.I,
)


def _others(person: Token) -> bool:
    """The people counted are the others or more of the sentence before ("many others", "dozens more")."""
    return any(w.lower_ in ("other", "others", "more") for w in person.subtree)


def _earlier(t: Token) -> bool:
    """The harm ``t`` is dated years or months before the report: "killed two years ago" (an earlier event;
    not "in May", which follow-ups about an arrest or a trial use for the event they report)."""
    return any(
        c.lower_ == "ago" and any(g.lemma_.lower() in ("year", "month") for g in c.subtree)
        for v in (t, *t.conjuncts)
        for c in v.children
    )


IRREALIS = {"will", "would", "could", "might", "may", "should", "can", "to", "'ll", "must"}


def _factual(v: Token) -> bool:
    """The harm happened, as far as the sentence says: not negated ("she didn't die"), not a threat, wish
    or plan ("threatened to kill him", "would murder her"), not an imperative or bare infinitive."""
    if v.tag_ == "VB" or any(c.dep_ == "neg" or c.lower_ in ("almost", "nearly") for c in v.children):
        return False  # (also "was almost killed", "nearly lost his life")
    if v.dep_ == "conj" and not any(c.dep_ in ("aux", "auxpass") for c in v.children):
        v_aux = [c for c in v.head.children if c.dep_ in ("aux", "auxpass")]  # "could have hit her and killed her"
        if any(c.lower_ in ("could", "would", "might", "may", "should") for c in v_aux):  # not "appears to have"
            return False
    return not any(c.dep_ in ("aux", "auxpass", "mark") and c.lower_ in IRREALIS for c in v.children)


def _objects(v: Token) -> bool:
    """``v`` itself has an object: "wounded a clerk"."""
    return any(c.dep_ in ("dobj", "dative") for c in v.children)


def _aimed(v: Token) -> bool:
    """``v`` (or a verb coordinated with it) has something it was done to: "shot a clerk", "shot at police"."""
    return any(c.dep_ in ("dobj", "dative") or c.dep_ == "prep" and c.lower_ in ("at", "into", "through")
               for x in (v, *v.conjuncts) for c in x.children)  # fmt: skip


BODY = {
    "head", "chest", "leg", "legs", "arm", "arms", "back", "neck", "face", "abdomen", "stomach", "foot", "hand",
    "shoulder", "thigh", "torso", "buttocks", "side", "hip", "knee", "ankle", "wrist", "groin", "eye", "jaw",
}  # fmt: skip


def _fatally(v: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in ("fatally", "mortally") for c in v.children)


def _in_body(v: Token) -> bool:
    """ "shot in the head": the one shot is the subject (a reduced relative: "a teen shot in the leg")."""
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(g.lower_ in BODY for g in c.children) for c in v.children)


def _at_hospital(v: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in ("at", "in") and any(g.lemma_.lower() == "hospital" for g in c.children)
               for c in v.children)  # fmt: skip


def _to_death(v: Token) -> bool:
    """ "shot to death", "stabbed to death"."""
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
               for c in v.children)  # fmt: skip


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
    fatal = any(c.lower_ in FATAL for c in v.children) or _to_death(v)
    if lemma == "pass":  # "passed away"
        return "killed" if any(c.dep_ in ("prt", "advmod") and c.lower_ == "away" for c in v.children) else None
    if lemma in KILL or lemma == "gun" and any(c.dep_ == "prt" and c.lower_ == "down" for c in v.children):
        return "killed"  # "was gunned down" is news's word for a killing
    if lemma in SHOOT:
        return "killed" if fatal else "shot"
    if lemma in INJURE:
        return "killed" if fatal else "injured"
    if lemma in ("hospitalize", "hospitalise") or lemma == "treat" and _at_hospital(v):  # "were treated at a
        return "injured"  # hospital and released", "remains hospitalized"
    if lemma in STRIKE and (
        any(c.dep_ == "agent" and any(g.lower_ in GUNFIRE for g in c.children) for c in v.children)
        or any(c.dep_ == "nsubj" and c.lower_ in GUNFIRE for c in v.children)  # "a bullet struck a girl"
        or _in_body(v)  # "she was struck in the shoulder" (not "hit in the head with a bat", "by a car")
        and any(c.dep_ == "nsubjpass" for c in v.children)
        and not any(c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "with" for c in v.children)
    ):  # "struck by a stray bullet", "hit by gunfire"
        return "shot"
    return None


def _copula_subjects(v: Token) -> list[Token]:
    """ "A victim remains hospitalized", parsed with "remains" an auxiliary that holds the subject."""
    return [g for c in v.children if c.dep_ in ("aux", "auxpass") and c.lower_ in ("remain", "remains", "remained")
            for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]  # fmt: skip


def _subjects(v: Token) -> list[Token]:
    found = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")] or _copula_subjects(v)
    if not found and v.dep_ in ("conj", "xcomp", "advcl") and v.head is not v:
        found = [c for c in v.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return [v.head if p.lower_ in RELATIVE and v.dep_ == "relcl" else p for p in found]


def _wounded(t: Token) -> tuple[str, Token, list[Token]] | None:
    """A wound noun and whose it is: "a man suffered a gunshot wound" (shot), "she sustained fatal injuries"
    (killed), "he was treated for injuries", "found a man with gunshot wounds"; (measure, verb, people)."""
    if t.lemma_.lower() not in WOUNDS or t.pos_ != "NOUN":
        return None
    mods = {c.lower_ for c in t.children if c.dep_ in ("amod", "compound", "nmod")}
    if mods & {"fatal", "deadly", "mortal", "fatally"}:
        measure = "killed"
    elif mods & {"gunshot", "bullet", "gun", "shotgun", "rifle", "pistol"}:
        measure = "shot"
    else:
        measure = "injured"
    h = t.head
    if t.dep_ == "dobj" and h.lemma_.lower() in WOUND_VERBS:
        return measure, h, _subjects(h)
    if t.dep_ == "pobj" and h.dep_ == "prep":
        v = h.head
        if h.lower_ in ("for", "from", "of") and v.pos_ == "VERB" and v.lemma_.lower() in WOUND_VERBS:
            return measure, v, _subjects(v)
        if h.lower_ == "with":
            if is_person(v):  # "a man with a gunshot wound"
                return measure, v, [v]
            for _ in range(2):  # "showed up at a hospital with a gunshot wound": the wound is the comer's
                if v.pos_ != "VERB" and v.dep_ in ("pobj", "prep") and not is_person(v):
                    v = v.head
            if v.pos_ == "VERB":  # "found a man with gunshot wounds", "was taken to a hospital with injuries",
                # "three men walked into a store with gunshot wounds"
                people = [c for c in v.children if c.dep_ in ("nsubjpass", "dobj")]
                return measure, v, people or [c for c in v.children if c.dep_ == "nsubj"]
    return None


DEATH_NOUNS = {"death", "killing", "murder", "slaying", "homicide"}
SHOOTING_NOUNS = {"shooting", "stabbing", "wounding"}


def _nominal(t: Token) -> tuple[str, list[Token]] | None:
    """A harm named by a noun and whom it befell: "the shooting death of a teen", "the killing of two men",
    "the fatal shooting of a man" (killed), "the shooting of a 15-year-old" (shot), "his death", "the
    teen's death", "the wounding of three others" (a gerund read as a noun); "claimed the lives of two
    men", "he lost his life" (killed)."""
    lemma = t.lemma_.lower()
    of = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if t.tag_ == "VBG" and of and (measure := _measure(t)):  # "... and wounding of three others": a noun
        return measure, of
    if lemma == "life" and t.dep_ == "dobj":
        verb = t.head.lemma_.lower()
        if verb in ("claim", "take"):  # "claimed the life of", "took the lives of"
            return "killed", [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        if verb == "lose":
            return "killed", [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        return None
    if lemma in DEATH_NOUNS:
        measure = "killed"
    elif lemma in SHOOTING_NOUNS:
        fatal = any(c.lower_ in ("fatal", "deadly") for c in t.children)
        measure = "killed" if fatal else "shot" if lemma == "shooting" else "injured"
    else:
        return None
    whom = of + [c for c in t.children if c.dep_ == "poss" and c.lower_ not in ("its", "their")]
    return measure, whom


def _multiple(t: Token) -> tuple[str, float] | None:
    """ "a double shooting" (two shot), "a triple homicide" (three killed): the harm and how many it befell."""
    n = next((MULTIPLE[c.lower_] for c in t.children if c.dep_ in ("amod", "compound") and c.lower_ in MULTIPLE), None)
    if n is None or (nominal := _nominal(t)) is None:
        return None
    return nominal[0], n


def _own_life(t: Token) -> bool:
    """ "took his own life", "turned the gun on himself": a suicide, one killed."""
    lemma = t.lemma_.lower()
    if lemma == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "life" and any(g.lower_ == "own" for g in c.children)
                   for c in t.children)  # fmt: skip
    if lemma == "turn" and any(c.dep_ == "dobj" and c.lemma_.lower() in ("gun", "weapon") for c in t.children):
        return any(c.dep_ == "prep" and c.lower_ == "on" and any(g.lower_ in ("himself", "herself") for g in c.children)
                   for c in t.children)  # fmt: skip
    return False


def _in_care(t: Token) -> Token | None:
    """ "Two men are in the hospital", "he remains in critical condition", "was listed in stable condition": the
    verb that puts its subjects in a hospital's care (the wounded), else None."""
    if t.pos_ != "NOUN" or t.lemma_.lower() not in CARE or t.head.dep_ != "prep" or t.head.lower_ != "in":
        return None
    if t.lemma_.lower() == "condition" and not any(c.dep_ == "amod" and c.lower_ in CONDITIONS for c in t.children):
        return None
    verb = t.head.head
    return verb if verb.lemma_.lower() in CARE_VERBS and verb.pos_ in ("VERB", "AUX") else None


# the words the readings below start from, by lemma or as written: any other word says nothing of harm
_HARM_LEMMAS = (
    KILL | INJURE | SHOOT | STRIKE | WOUNDS | DEATH_NOUNS | SHOOTING_NOUNS
    | {"pass", "gun", "hospitalize", "hospitalise", "treat", "life", "take", "turn"} | CARE
)  # fmt: skip
_HARM_WORDS = DEAD_WORDS | HURT_WORDS | {"fatally", "mortally"}


def _reading(t: Token) -> list[tuple[str, Token, tuple | None]] | None:
    """What the word ``t`` says of harm: (measure, person, count) for each person it names; None where it
    is no harm word (the first of these readings that applies, in this order)."""
    if t.lemma_.lower() not in _HARM_LEMMAS and t.lower_ not in _HARM_WORDS:
        return None
    if t.lower_ in ("fatally", "mortally") and t.head.pos_ in ("NUM", "NOUN", "PRON"):  # "six shot, one fatally"
        return [("killed", t.head, count(t.head))]
    if (wound := _wounded(t)) is not None:
        return [(wound[0], p, count(p, measure=wound[0])) for p in wound[2]] if _factual(wound[1]) else []
    if (many := _multiple(t)) is not None:
        return [(many[0], t, (many[1], None, None))] if t.dep_ != "dobj" or _factual(t.head) else []
    if (nominal := _nominal(t)) is not None:
        return (
            [(nominal[0], p, count(p, measure=nominal[0])) for p in nominal[1]]
            if t.dep_ != "dobj" or _factual(t.head)
            else []
        )
    if _own_life(t):
        return [("killed", t, (1.0, None, None))] if _factual(t) else []
    if (state := _in_care(t)) is not None:
        return [("injured", p, count(p, measure="injured")) for p in _subjects(state)] if _factual(state) else []
    harm = _measure(t)
    if harm is None or not _factual(t):
        return None
    if t.pos_ == "ADJ" or t.dep_ in ("oprd", "acomp"):  # "left one man dead and six others wounded": the dead
        people = _patients(t)  # are those before the adjective
        before = [p for p in people if p.i < t.i]
        return [(harm, p, count(p, t.i if p.i < t.i else None, harm)) for p in before or people]
    return [(harm, p, count(p, measure=harm)) for p in _patients(t)]


def extract(sdoc: Doc, document: Document) -> list[CasualtyClaim]:
    """Casualty claims of one parsed document (see the module docstring)."""
    readings: dict[int, tuple[str, Token, Token, tuple]] = {}  # person token -> (measure, word, person, count)

    def read(measure: str, word: Token, person: Token, n: tuple | None) -> None:
        if n is None:
            return
        prev = readings.get(person.i)
        if prev is None or (prev[0] != "killed" and measure == "killed"):  # shot and killed: killed
            readings[person.i] = (measure, word, person, n)

    zeros: list[tuple[str, Token]] = []
    before = None  # the sentence before
    for sent in sdoc.sents:  # (a token's ``sent`` walks back to its sentence start: read each sentence once)
        period = None  # the sentence counts over a period ("killed this year"): searched when first needed
        for t in sent:
            if (zero := HARM_NOUNS.get(t.lemma_.lower())) and any(
                c.dep_ == "det" and c.lower_ in ZERO_DETS for c in t.children
            ):  # "there were no injuries" (not "no life-threatening injuries", "no serious injuries")
                if not any(c.dep_ in ("amod", "compound", "nmod") and c.lower_ not in ADDED for c in t.children):
                    zeros.append((zero, t))
                continue
            if (reading := _reading(t)) is None:
                continue
            if period is None:
                period = PERIOD.search(sent.text) is not None
            if not period and not _earlier(t):  # a statistic, or harm of years ago: not this event's
                for measure, p, n in reading:
                    if not (_others(p) and before is not None and PERIOD.search(before.text)):
                        read(measure, t, p, n)  # (not "... killed this year. Many others were wounded.")
        before = sent
    out: list[CasualtyClaim] = []
    text = document.text
    for measure, word, person, (value, low, high) in readings.values():
        start = min(person.left_edge.idx, word.left_edge.idx if word.pos_ == "NOUN" else word.idx)
        right = person.right_edge
        while right.i > person.i and right.dep_ in ("cc", "punct"):  # "3 killed and 5 wounded": not "3 killed and"
            right = right.doc[right.i - 1]
        last = max(right, word, key=lambda x: x.i)
        end = max(last.idx + len(last.text), word.idx + len(word.text))
        out.append(_claim(document, text, start, end, measure, value, low, high, person))
    for measure, t in zeros:
        start, end = t.left_edge.idx, t.idx + len(t.text)
        out.append(_claim(document, text, start, end, measure, 0.0, None, None, t))
    out.extend(headlines.extract(document, STAGE))  # the headline's own grammar (its spans index the title)
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
