"""Events: who did what to whom, where and when (``EventClaim``).

One event per clause whose verb reports something that happened: a concrete action
verb (not a reporting or mental verb such as "said" or "believes"), in the past or
perfect, not negated, not hedged by a modal, with an actor or a target.  Fields:

- ``actor`` / ``target``: compact noun phrases (subject / object; for passives the
  "by" agent and the passive subject), ``place``: a GPE/LOC/FAC after in/at/near,
- ``action``: the verb lemma, ``predicate``: the verb group as written ("were killed"),
- ``time``: the value of a time claim inside the clause (or None),
- ``start``/``end``/``text``: the clause (the verb's subtree) as evidence.

Precision over recall: the timeline is built from these.
"""

from __future__ import annotations

from spacy.symbols import VERB

from ..records import Claim, Document, EventClaim, TimeClaim, claim_id
from .offsets import ByStart, tokens_where
from .timerules import is_absolute

STAGE = "events@1"
NOT_EVENTS = {
    # reporting, cognition, attitude, copula-like and light verbs
    "say",
    "tell",
    "add",
    "note",
    "state",
    "claim",
    "argue",
    "insist",
    "explain",
    "stress",
    "reiterate",
    "express",
    "believe",
    "think",
    "know",
    "hope",
    "expect",
    "want",
    "seem",
    "appear",
    "be",
    "have",
    "do",
    "become",
    "remain",
    "mean",
    "include",
    "consider",
    "call",
    "describe",
    "write",
    "ask",
    "suggest",
    "feel",
    "see",
    "look",
    "need",
    "like",
    "get",
    "make",
    "let",
    "go",
    "come",
    "take",
    "give",
    "put",
    "allow",
    "accord",
    "regard",
    "deny",
    "admit",
    "assert",
    "quote",
    "cite",
    "mention",
    "recall",
    "remember",
    "thank",
    "brief",
    "urge",
    "welcome",
    "appreciate",
    "support",
    "stand",
    "share",
    "value",
    "wish",
    "read",
}
_MODALS = {"can", "could", "may", "might", "must", "should", "would", "will", "shall", "'ll", "wo", "ca"}
_PHRASE_DEPS = {"compound", "amod", "nummod", "poss", "nmod", "quantmod"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_BOUNDS = {"since", "until", "till", "before", "after", "by"}


def _phrase(tok) -> str:
    """The compact noun phrase headed by ``tok`` (left modifiers + head + "of X")."""
    left = [t for t in tok.lefts if t.dep_ in _PHRASE_DEPS]
    start = min([tok.i] + [t.left_edge.i for t in left])
    words = tok.doc[start : tok.i + 1]
    breaks = [t.i for t in words if t.is_space or "\n" in t.whitespace_]
    if breaks:
        start = max(breaks) + 1
    while start < tok.i and (tok.doc[start].dep_ in ("det", "punct") or tok.doc[start].is_space):
        start += 1
    text = tok.doc[start : tok.i + 1].text
    for p in tok.rights:
        if p.dep_ == "prep" and p.lower_ == "of":
            obj = next((c for c in p.children if c.dep_ == "pobj"), None)
            if obj is not None:
                text += " of " + _phrase(obj)
            break
    return text


def _is_event_verb(v) -> bool:
    if v.pos_ != "VERB" or v.lemma_.lower() in NOT_EVENTS:
        return False
    kids = list(v.children)
    if any(c.dep_ == "neg" for c in kids):
        return False
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in kids):
        return False
    if v.tag_ == "VBD":
        return True
    if v.tag_ == "VBN":
        return any(c.dep_ in ("aux", "auxpass") for c in kids)
    return False


def _arguments(v) -> tuple[object | None, object | None, object | None]:
    actor = target = agent = None
    for c in v.children:
        if c.dep_ == "nsubj":
            actor = c
        elif c.dep_ == "nsubjpass" or (c.dep_ in ("dobj", "attr") and target is None):
            target = c
        elif c.dep_ == "agent":
            agent = next((p for p in c.children if p.dep_ == "pobj"), None)
    if actor is None and agent is not None:
        actor = agent
    if actor is None and v.dep_ in ("conj", "advcl", "xcomp") and v.head.pos_ == "VERB":
        actor = next((c for c in v.head.children if c.dep_ == "nsubj"), None)
    if actor is not None and actor.pos_ == "PRON" and actor.lower_ in ("it", "this", "that", "which", "what"):
        actor = None
    return actor, target, agent


def _place(v, ents: ByStart) -> str | None:
    lo, hi = v.left_edge.i, v.right_edge.i
    for e in ents.starting_in(lo, hi + 1):
        if (
            e.label_ in _PLACE_LABELS
            and e.start > 0
            and e.doc[e.start - 1].lower_ in ("in", "at", "near", "into", "on", "across")
            and e.doc[e.start - 1].head.i in (v.i, *(t.i for t in v.children))
        ):
            return e.text
    return None


def _precision(value: str) -> tuple[bool, int]:
    return is_absolute(value), len(value)


def _clause_time(v, times: ByStart) -> str | None:
    lo, hi = v.left_edge.idx, v.right_edge.idx + len(v.right_edge)
    best = None
    for t in times.starting_in(lo, hi + 1):
        if t.timex_type not in ("DATE", "TIME") or not (lo <= t.start and t.end <= hi) or not t.value_iso:
            continue
        head = v.doc.char_span(t.start, t.end, alignment_mode="expand")
        if head is None or (head.start > 0 and v.doc[head.start - 1].lower_ in _BOUNDS):
            continue  # "since 1991" / "until May" bound a state, they do not date the event
        anc = head.root
        # the expression must belong to this verb, not to a clause nested under it
        while anc.i != v.i and anc.head.i != anc.i and not (anc.pos_ == "VERB" and anc.i != v.i):
            anc = anc.head
        # the most precise value, and a day on the calendar before an open one ("XXXX-XX-XXT16:00")
        if anc.i == v.i and (best is None or _precision(t.value_iso) > _precision(best)):
            best = t.value_iso
    return best


def extract(sdoc, document: Document, times=(), mentions=()) -> list[Claim]:
    """Event claims for one parsed document (``times``: its time claims)."""
    times = ByStart((t for t in times if isinstance(t, TimeClaim)), lambda t: t.start)
    out: list[Claim] = []
    ents = ByStart(sdoc.ents, lambda e: e.start)
    for v in tokens_where(sdoc, pos=(VERB,)):
        if not _is_event_verb(v):
            continue
        actor, target, _ = _arguments(v)
        if actor is None and target is None:
            continue
        start, end = v.left_edge.idx, v.right_edge.idx + len(v.right_edge)
        aux = [c for c in v.children if c.dep_ in ("aux", "auxpass") and c.i < v.i]
        predicate = " ".join(t.text for t in sorted(aux + [v], key=lambda t: t.i))
        out.append(
            EventClaim(
                id=claim_id(document.id, "event", start, end),
                doc=document.id,
                start=start,
                end=end,
                text=document.text[start:end],
                stage=STAGE,
                actor=_phrase(actor) if actor is not None else None,
                action=v.lemma_.lower(),
                predicate=predicate,
                target=_phrase(target) if target is not None else None,
                place=_place(v, ents),
                time=_clause_time(v, times),
            )
        )
    return out
