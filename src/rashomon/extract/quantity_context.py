"""What surrounds a number phrase: its hedges before and after ("more than", "or more"), its unit
and direction of change, the counted thing (``what``), the governing ``predicate``, the ``place``,
the ``time`` and who it is ``attributed_to``, read from the tokens and the dependency parse around
the phrase (used by :func:`rashomon.extract.quantities.extract`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import numbers as N
from .offsets import ByStart

if TYPE_CHECKING:
    from .quantities import _Q


def read_prefix(sdoc, q: _Q) -> None:
    """Currency symbols, signs and hedges before the number."""
    i = q.start
    while i > 0 and (
        sdoc[i - 1].lower_ in N.CURRENCY_SYMBOLS
        and sdoc[i - 1].whitespace_ == ""
        or sdoc[i - 1].text in ("$", "£", "€", "¥")
    ):
        code = N.CURRENCY_SYMBOLS.get(sdoc[i - 1].lower_)
        if code and q.unit is None:
            q.unit, q.unit_kind = code, "currency"
        i -= 1
        before = sdoc[i - 1] if i > 0 else None  # "US $84", "HK $5.4m", "A$10,000" (but "A $10,000 reward": a reward)
        if before is not None and (before.text in ("US", "HK") or before.text in ("A", "C") and not before.whitespace_):
            q.unit = N.CURRENCY_SYMBOLS.get(sdoc[i - 1].lower_ + "$", q.unit)
            i -= 1
    if i > 0 and sdoc[i - 1].lower_ in ("minus", "negative") and isinstance(q.value, float):
        q.value, i = -q.value, i - 1
    words = [t.lower_ for t in sdoc[max(0, i - 2 * N.MAX_HEDGE) : i]]
    h = N.hedge_before(words)
    if h is not None and not (h[1] == "~" and words[-1] == "some" and sdoc[i - 1].pos_ not in ("DET", "ADV")):
        k, sym = h
        i -= k
        if sym != "=":
            q.change = sym
    q.start = i


def read_change(sdoc, q: _Q) -> None:
    """``up``/``down`` (``q.direction``; the hedge stays in ``q.change``) from an adverb
    ("up 5%", "trending up 0.2%", "revised upward by $4bn") or a verb of change governing
    an amount with a unit ("rose 5%", "fell by $2bn", "grow sales by 35 per cent"); plain
    counts after "add" stay ``=``, and so does a number inside a noun phrase ("added a
    30-degree turn")."""
    if q.direction or q.start == 0:
        return
    measured = q.unit_kind in ("percent", "currency", "measure")
    j = q.start - 1
    while j > 0 and sdoc[j].lower_ in (
        "just",
        "only",
        "well",
        "of",
        "nearly",
        "almost",
        "about",
        "some",
        "around",
        "roughly",
        "marginally",
        "slightly",
    ):
        j -= 1
    by = sdoc[j].lower_ == "by"
    if by and j > 0:
        j -= 1
    t = sdoc[j]
    if t.dep_ == "prt" and not (t.lower_ in ("up", "down") and measured):
        return
    lem = t.lemma_.lower()
    if t.lower_ in N.UP_WORDS or (lem in N.UP and (by or measured)):
        q.direction = "up"
    elif t.lower_ in N.DOWN_WORDS or (lem in N.DOWN and (by or measured)):
        q.direction = "down"
    elif sdoc[q.start - 1].lower_ == "by":
        # "by" separated from its verb by the object: "grow sales by 35 per cent"
        cur = sdoc[q.end - 1]
        for _ in range(3):
            if cur.dep_ == "pobj" and cur.head.lower_ == "by":
                verb = cur.head.head
                vlem = verb.lemma_.lower()
                if verb.pos_ == "VERB" and vlem in N.UP:
                    q.direction = "up"
                elif verb.pos_ == "VERB" and vlem in N.DOWN:
                    q.direction = "down"
                return
            if cur.head is cur:
                return
            cur = cur.head


_MONEY = frozenset(("money", "cash", "funding", "funds", "fund", "revenue", "taxpayers", "aid", "debt", "spending"))


def _weight(sdoc, at: int) -> bool:
    """ "pound" at token ``at`` weighs: glued to its number ("a 200-pound man") or of a thing ("two pounds of
    cocaine"; not "pounds of taxpayers' money")."""
    if sdoc[at - 1].text in ("-", "–"):
        return True
    after = [t.lower_ for t in sdoc[at + 1 : at + 5]]
    return bool(after) and after[0] == "of" and not _MONEY.intersection(after)


def read_suffix(sdoc, q: _Q) -> None:
    """Unit words and the counted noun after the number."""
    n = len(sdoc)
    j = q.num_end
    if isinstance(q.value, float):  # "forty or more sheep", "50-odd years", stacked: "some 300-plus"
        h = post_hedge_at(sdoc, j)
        if h is not None:
            q.change, j = N.combine_hedges(q.change, h[1]), j + h[0]
    if j < n and sdoc[j].text in ("-", "–") and j + 1 < n and (N.unit_of(sdoc[j + 1].text) or _square(sdoc, j + 1)):
        j += 1  # "44-day", "170,000-square-foot"
    if j < n and q.unit_kind is None and (sq := _square(sdoc, j)):
        q.unit_kind, q.unit = sq[0]
        j = sq[1]
    if j < n and q.unit_kind is None:
        t = sdoc[j]
        if t.lower_ == "per" and j + 1 < n and sdoc[j + 1].lower_ == "cent":
            q.unit, q.unit_kind, j = "%", "percent", j + 2
        elif j + 1 < n and (t.lower_, sdoc[j + 1].lower_) in N.CURRENCY_QUALIFIED:
            q.unit, q.unit_kind, j = N.CURRENCY_QUALIFIED[(t.lower_, sdoc[j + 1].lower_)], "currency", j + 2
        elif t.lower_ == "basis" and j + 1 < n and sdoc[j + 1].lower_.startswith("point"):
            q.unit, q.unit_kind, j = "bp", "measure", j + 2
        elif (u := N.unit_of(t.text)) is not None and not (
            t.lower_ in ("s", "h", "g", "p", "point", "points", "times")
            and t.whitespace_ == " "
            and t.pos_ not in ("NOUN",)
        ):
            q.unit_kind, q.unit = u
            if t.lower_ in ("pound", "pounds") and _weight(sdoc, j):
                q.unit_kind, q.unit = "measure", "lb"  # "a 200-pound man", "two pounds of cocaine": a weight
            j += 1
            if u[0] == "percentage" and j < n and sdoc[j].lower_.startswith("point"):
                j += 1
    elif j < n and q.unit_kind == "currency" and sdoc[j].text == "US":
        j += 1
    q.end = j
    if q.unit_kind == "percent" and j < n and sdoc[j].lower_ == "point":
        q.end = j + 1


def _square(sdoc, at: int) -> tuple[tuple[str, str], int] | None:
    """(unit, the token after it) of an area written in words at token ``at``: "square feet",
    "square-metre", "sq km"; None otherwise."""
    n = len(sdoc)
    if at >= n or sdoc[at].lower_ not in ("square", "sq", "sq."):
        return None
    k = at + 1 + (at + 1 < n and sdoc[at + 1].text in ("-", "–"))
    unit = N.unit_of(f"square {sdoc[k].text}") if k < n else None
    return (unit, k + 1) if unit else None


def post_hedge_at(sdoc, at: int) -> tuple[int, str] | None:
    """The hedge starting at token ``at`` ("or more", "-plus", "+", "or so"), if any."""
    n = len(sdoc)
    if at >= n or at == 0:
        return None
    h = N.hedge_after([t.lower_ for t in sdoc[at : min(n, at + N.MAX_POST_HEDGE)]])
    if h is None:
        return None
    k = h[0]
    if sdoc[at].text in ("+", "-") and sdoc[at - 1].whitespace_:
        return None  # "+" / "-plus" / "-odd" glued to the number only
    if at + k < n and (sdoc[at + k].like_num or sdoc[at + k].text in N.CURRENCY_SYMBOLS):
        return None  # arithmetic or a range: "30 plus 5", "20 or more than 30"
    return h


def post_hedge(sdoc, q: _Q, end_tok: int) -> int:
    """A hedge after the unit or the counted noun ("40 km or more", "100 people or more"):
    sets ``q.change``; returns the evidence end (the one right after the number is read
    by :func:`_suffix`)."""
    for at in dict.fromkeys((q.end, end_tok)):
        h = post_hedge_at(sdoc, at)
        if h is not None:
            q.change = h[1]
            return max(end_tok, at + h[0])
    return end_tok


NOUNS = ("NOUN", "PROPN")


def _noun_phrase(sdoc, head, lo: int) -> tuple[str, int]:
    """The counted noun with its adjacent left modifiers (from ``lo``) and coordinated nouns."""
    start = head.i
    while start - 1 >= lo and (
        sdoc[start - 1].dep_ in ("compound", "amod", "nmod")
        and sdoc[start - 1].head.i >= start
        or sdoc[start - 1].text == "-"
        and sdoc[start - 1].whitespace_ == ""
    ):
        start -= 1
    end = head.i + 1
    for c in head.children:
        if (
            c.dep_ == "conj"
            and c.pos_ in NOUNS
            and c.i > head.i
            and c.i - end <= 3
            and not any(t.pos_ == "NUM" or t.text in (",", ";") for t in sdoc[end : c.i])
        ):
            end = c.i + 1
    return sdoc[start:end].text, end


# nouns that count what follows "of": "one count of murder" is not "four counts of attempted murder"
OF_WHAT = {"count"}


def _counted(sdoc, q: _Q) -> tuple[str | None, int | None, int]:
    """(what, token index of the counted noun, token end of the evidence)."""
    n, j = len(sdoc), q.end
    if j < n and sdoc[j].lower_ == "of" and q.unit_kind in (None, "percent", "measure"):
        pobj = next((c for c in sdoc[j].children if c.dep_ == "pobj"), None)
        if pobj is None:
            pobj = next((t for t in sdoc[j + 1 : min(n, j + 6)] if t.pos_ in NOUNS + ("PRON",)), None)
        if pobj is not None:
            u = N.unit_of(pobj.text)
            if q.vague and u is not None and u[0] in ("currency", "measure", "duration"):
                q.unit_kind, q.unit = u
                return None, None, pobj.i + 1
            if pobj.pos_ == "PRON":
                return None, pobj.i, pobj.i + 1
            what, end = _noun_phrase(sdoc, pobj, j + 1)
            return what, pobj.i, end
    if q.unit_kind == "duration":
        ut = sdoc[q.end - 1]
        h = ut.head
        if h.i >= q.end and h.pos_ in NOUNS and h.i - q.end <= 3 and ut.dep_ in ("compound", "amod", "nmod"):
            what, end = _noun_phrase(sdoc, h, q.end)
            return what, h.i, end
        return None, None, q.end
    if q.unit_kind is not None:
        return None, None, q.end
    k, head = j, None
    while k < n and k < j + 5:
        t = sdoc[k]
        if t.pos_ in NOUNS and N.unit_of(t.text) is not None and t.pos_ != "PROPN":
            break
        if t.pos_ in NOUNS:
            head = t
            if t.head.i < t.i or t.head.i >= j + 5 or t.head.pos_ not in NOUNS:
                break
        elif not (t.pos_ == "ADJ" or t.tag_ in ("VBN", "VBG") and t.dep_ == "amod" or t.text == "-"):
            break
        k += 1
    if head is None:
        return None, None, q.end
    what, end = _noun_phrase(sdoc, head, j)
    if head.lemma_.lower() in OF_WHAT and end < n and sdoc[end].lower_ == "of":  # "four counts of attempted murder"
        pobj = next((c for c in sdoc[end].children if c.dep_ == "pobj"), None)
        if pobj is not None:
            of, end = _noun_phrase(sdoc, pobj, end + 1)
            what = f"{what} of {of}"
    return what, head.i, end


def _tally(sdoc, num_tok):
    """The tally noun a bare figure gives the value of: "the death toll rose to 45", "pushing
    the toll to 633", "a toll of 12", "the number of dead stands at 30"."""
    cur = num_tok
    if cur.dep_ == "pobj" and cur.head.lower_ in ("to", "at", "of"):
        gov = cur.head.head
    elif cur.dep_ in ("attr", "dobj", "npadvmod", "oprd"):
        gov = cur.head
    else:
        return None
    if gov.pos_ in NOUNS and gov.lemma_.lower() in N.TALLY_NOUNS:
        return gov
    if gov.pos_ not in ("VERB", "AUX"):
        return None
    for c in gov.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.pos_ in NOUNS and c.lemma_.lower() in N.TALLY_NOUNS:
            return c
    return None


def _verb_phrase(v) -> str:
    if v.lemma_ == "be" or v.pos_ == "AUX":
        comp = next((c for c in v.children if c.dep_ in ("acomp", "attr")), None)
        return comp.lower_ if comp is not None else v.lemma_.lower()
    if v.lower_ in N.ADJ_PARTICIPLES and any(c.lemma_ == "be" and c.dep_ == "aux" for c in v.children):
        return v.lower_
    lemma = v.lemma_.lower()
    for c in v.children:
        if c.dep_ == "prt":
            return f"{lemma} {c.lower_}"
        if c.dep_ in ("dobj", "oprd", "xcomp", "attr") and c.lower_ in N.CAPTIVE_NOUNS:
            return f"{lemma} {c.lower_}"
    return lemma


def _predicate(sdoc, anchor, inside: range) -> tuple[str | None, object]:
    """The verb (or event noun) saying what happened to the counted thing, and its token."""
    for c in anchor.children:
        if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and c.i > anchor.i:
            return _verb_phrase(c), c
    cur = anchor
    for _ in range(5):
        h = cur.head
        if h is cur:
            return (_verb_phrase(cur), cur) if cur.pos_ in ("VERB", "AUX") else (None, None)
        if cur.dep_ in ("nummod", "quantmod", "conj", "appos", "compound", "npadvmod") and h.pos_ in NOUNS + ("NUM",):
            cur = h
            continue
        if h.lemma_.lower() in ("include", "among") and h.dep_ == "prep" and h.head.pos_ in NOUNS + ("NUM",):
            cur = h.head  # "killed 700 people, including 80 civilians": the civilians were killed
            continue
        if h.pos_ in ("VERB", "AUX"):
            return _verb_phrase(h), h
        if cur.dep_ == "pobj" and h.dep_ == "prep":
            # "the number of 40 ...", "home to 120,000 people", "damage to 30 houses": the noun says it
            noun = h.head.pos_ == "NOUN" or h.head.lower_ == "home"  # the tagger reads "home" as an adverb
            if noun and h.lower_ in ("of", "to") and h.head.i not in inside:
                return h.head.lemma_.lower(), h.head
            if h.head.pos_ in ("VERB", "AUX"):
                return _verb_phrase(h.head), h.head
            cur = h.head
            continue
        if cur.dep_ == "prep":
            cur = h
            continue
        return None, None
    return None, None


def _place(sent, verb, ents: ByStart) -> str | None:
    """The nearest GPE/LOC/FAC under a locative preposition ("in Ganja", "in the city of
    Ganja") within the predicate's clause (the verb's subtree, or its governor's when the
    verb is an adverbial/coordinated clause: "a strike levelled homes in Ganja, killing 12")."""
    if verb is None:
        return None
    top = verb
    while top.dep_ == "conj" and top.head is not top:  # "killing 12 and injuring 40": the first verb's clause
        top = top.head
    scope = top.head if top.dep_ in ("advcl", "xcomp", "conj") else top
    lo, hi = scope.left_edge.i, scope.right_edge.i
    best = None
    for ent in ents.starting_in(sent.start, sent.end):  # (``sent.ents`` reads every entity of the document)
        if ent.end > sent.end:
            break
        if ent.label_ not in ("GPE", "LOC", "FAC") or not lo <= ent.root.i <= hi:
            continue
        cur, ok = ent.root, False
        for _ in range(6):
            if cur.dep_ == "prep" or cur.pos_ == "ADP":
                ok = cur.lower_ in N.LOC_PREPS
                if cur.lower_ != "of":
                    break
            if cur.head is cur:
                break
            cur = cur.head
        if ok:
            d = abs(ent.root.i - verb.i)
            if best is None or d < best[0]:
                best = (d, ent.text)
    return best[1] if best else None


def _time(sent, anchor, times: ByStart, own: tuple[int, int]) -> str | None:
    """The nearest DATE time claim in the sentence (not one inside the figure itself)."""
    best = None
    for t in times.starting_in(sent.start_char, sent.end_char):
        if t.value_iso and (t.timex_type or "DATE") == "DATE" and not (t.start < own[1] and own[0] < t.end):
            d = abs(t.start - anchor.idx)
            if best is None or d < best[0]:
                best = (d, t.value_iso)
    return best[1] if best else None


def _attribution(sent, verb) -> str | None:
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < sent.end and t.doc[t.i + 1].lower_ == "to":
            to = t.doc[t.i + 1]
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return t.doc[pobj.left_edge.i : pobj.right_edge.i + 1].text
    cur, found = verb, []
    for _ in range(6):
        if cur is None:
            break
        if cur.lemma_.lower() in N.REPORT and cur.pos_ == "VERB":
            subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.i != getattr(verb, "i", -1):
                found.append(subj)
        if cur.head is cur:
            break
        cur = cur.head
    subj = next((t for t in found if t.pos_ != "PRON"), found[0] if found else None)
    return subj.doc[subj.left_edge.i : subj.right_edge.i + 1].text if subj is not None else None


def read_context(sdoc, qs: Sequence[_Q], times, ents: Sequence | None = None) -> list[dict]:
    """what / predicate / place / time / attributed_to for every phrase (borrowing the
    counted noun across coordination: "killing 12 and injuring 40 people"); ``ents``: ``sdoc.ents``."""
    found = [_counted(sdoc, q) for q in qs]
    by_start = ByStart(sdoc.ents if ents is None else ents, lambda e: e.start)
    dated = ByStart(times, lambda t: t.start)
    out = []
    for idx, q in enumerate(qs):
        what, head_i, end_tok = found[idx]
        num_tok = sdoc[q.num_end - 1]
        sent = num_tok.sent
        if what is None and q.unit is None:
            nxt = qs[idx + 1] if idx + 1 < len(qs) else None
            if (
                nxt is not None
                and found[idx + 1][0]
                and nxt.start - q.end <= 4
                and nxt.start < sent.end
                and any(t.pos_ == "CCONJ" for t in sdoc[q.end : nxt.start])
            ):
                what = found[idx + 1][0]
            elif head_i is not None and sdoc[head_i].pos_ == "PRON":  # "150 of them": the last counted thing
                back = next((b for b in range(idx - 1, -1, -1) if found[b][0] and qs[b].unit_kind != "years"), None)
                if back is not None and qs[back].start >= sent.start - 40:
                    what = found[back][0]
        anchor = sdoc[head_i] if head_i is not None and sdoc[head_i].pos_ != "PRON" else num_tok
        inside = range(q.start, q.end)
        predicate, verb = _predicate(sdoc, anchor, inside)
        if predicate is None and anchor is not num_tok:
            predicate, verb = _predicate(sdoc, num_tok, inside)
        if what is None and q.unit is None:
            tally = _tally(sdoc, num_tok)
            if tally is not None:  # "pushing the death toll to 633": 633 dead
                what, _ = _noun_phrase(sdoc, tally, max(sent.start, tally.left_edge.i))
                if any(t.lemma_.lower() in N.DEATH_WORDS for t in tally.subtree if t.i <= tally.i):
                    predicate = "kill"
        out.append(
            dict(
                what=what,
                predicate=predicate,
                place=_place(sent, verb, by_start),
                time=_time(sent, num_tok, dated, (sdoc[q.start].idx, sdoc[end_tok - 1].idx + len(sdoc[end_tok - 1]))),
                attributed_to=_attribution(sent, verb),
                end_tok=end_tok,
            )
        )
    return out
