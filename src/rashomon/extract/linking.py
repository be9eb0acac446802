"""Entity linking inside one corpus: surface-form parsing, type voting and merge rules.

Used by :func:`rashomon.extract.entities.canonicalize`. Work is per distinct normalised
name ("node"), never per mention, and candidate pairs come from blocking keys, never
all pairs: surname, acronym letters, phonetic key, consonant skeleton, place head.
Blocks larger than ``MAX_BLOCK`` are skipped (a key that common says nothing).

Merge rules (each constrained by type family: person / org / place / norp / event):
- persons sharing a surname whose first names agree (equal, initial, one typo in a
  name of 5+ letters, or one name's tokens inside the other's);
- acronyms and expansions ("UNSC" / "UN Security Council" / "United Nations Security
  Council"), from "X (ABC)" forms or from initials when only one expansion fits;
- transliterations (phonetic key: "Gaddafi" / "Qaddafi" / "Kadhafi") and typos
  (consonant skeleton + rapidfuzz ratio);
- descriptive variants of one place ("Nagorno-Karabakh" / "Upper Karabakh" / "Karabakh")
  unless the gazetteer knows the longer name as a place of its own ("North Korea");
- a team or branch named after its place and its short name ("New Orleans Saints" /
  "Saints"), when only one long name fits the short one;
- a person name run on into a headline ("Esther Williams Dies") and the much more
  frequent name it starts with;
- bare surnames, then bare first names per document, last (see ``link``).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio

from ..unionfind import UnionFind
from .gazetteer import Gazetteer, fold

MAX_BLOCK = 64
TITLES = {
    "ambassador", "president", "minister", "pm", "fm", "premier", "chancellor", "spokesperson", "spokesman",
    "spokeswoman", "speaker", "senator", "sen", "governor", "gov", "mayor", "general", "gen", "colonel", "col",
    "captain", "capt", "lieutenant", "lt", "sergeant", "sgt", "secretary", "secretary-general", "king", "queen",
    "prince", "princess", "sheikh", "judge", "justice", "attorney", "director", "commissioner", "chairman",
    "chairwoman", "envoy", "pope", "bishop", "detective", "sheriff", "inspector", "superintendent", "coach",
    "dr", "mr", "mrs", "ms", "rep", "representative", "congressman", "congresswoman", "chief", "officer",
}
_WEAK_TITLES = {"general", "chief", "justice", "attorney", "officer", "secretary", "director", "speaker", "king",
                "queen", "prince", "princess"}
_ORG_HEADS = {"assembly", "council", "committee", "office", "ministry", "department", "forum", "group", "army",
              "party", "court", "university", "bank", "agency", "commission", "association", "union", "corps",
              "command", "service", "center", "centre", "institute", "board", "company", "police", "force",
              "forces", "house", "senate", "congress", "parliament", "government", "administration"}
_HONORIFICS = {"mr", "mrs", "ms", "dr"}
_ROLE_MODIFIERS = {"prime", "vice", "deputy", "foreign", "interior", "defence", "defense", "finance", "home",
                   "first", "acting", "former", "assistant", "senior", "state", "executive", "managing", "chief"}
_EXPAND = {"pm": "prime minister", "fm": "foreign minister", "sen": "senator", "gov": "governor",
           "gen": "general", "col": "colonel", "capt": "captain", "lt": "lieutenant", "sgt": "sergeant",
           "rep": "representative"}
_PREPS = {"of", "to", "in", "for"}
_STOP = {"of", "the", "and", "for", "on", "in", "at", "to", "&", "de"}
_DESCRIPTORS = {"nagorno", "upper", "lower", "greater", "northern", "southern", "eastern", "western", "central",
                "inner", "outer", "mountainous", "north", "south", "east", "west"}
_PLACE_SUFFIXES = {"region", "province", "district", "territory", "area"}
_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_SPELLING = {"organisation": "organization", "organisations": "organizations", "defence": "defense",
             "centre": "center", "labour": "labor", "programme": "program", "honour": "honor"}
FAMILY = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place",
          "NORP": "norp", "EVENT": "event"}
_LABEL_ORDER = ["PERSON", "GPE", "ORG", "LOC", "NORP", "FAC", "EVENT"]
_ACRONYM_RE = re.compile(r"^(.*?)\s*\(([A-Z][A-Za-z]{1,7})\)?$")


@dataclass(frozen=True)
class Form:
    """One surface form parsed: the name, and what its title phrase said."""

    name: str
    role: str | None = None
    country: str | None = None
    affiliation: str | None = None
    acronym: str | None = None


@dataclass
class Node:
    """One normalised name with everything its surface forms contributed."""

    key: str
    names: Counter = field(default_factory=Counter)
    labels: Counter = field(default_factory=Counter)
    forms: list[tuple[str, str]] = field(default_factory=list)
    docs: set[str] = field(default_factory=set)
    count: int = 0
    titled: int = 0

    @property
    def name(self) -> str:
        return min(self.names.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def norm(name: str) -> str:
    """Matching key: folded, dots of acronyms dropped, hyphens split, spelling unified."""
    s = fold(name).replace("&", " and ")
    s = re.sub(r"(?<=\w)\.(?=\w|$)|\.(?=\s)", "", s)
    s = re.sub(r"[^\w\s']|_", " ", s).replace("'s ", " ")
    s = re.sub(r"'s$|'", "", s)
    return " ".join(_SPELLING.get(t, t) for t in s.split())


def parse(text: str, label: str, gaz: Gazetteer) -> Form:
    """Split a surface form into name + role/country/affiliation (+ acronym of "X (ABC)")."""
    t = re.sub(r"\s+", " ", text.replace("’", "'")).strip()
    t = re.sub(r"^(?:the|The|THE) ", "", t)
    t = re.sub(r"(?:'s|')$", "", t)
    acronym = None
    m = _ACRONYM_RE.match(t)
    if m and m.group(1):
        t, acronym = m.group(1), m.group(2)
    tokens = t.split()
    p = titled_name(tokens) if label == "PERSON" else None
    if p is not None:
        q = p
        while q > 0 and tokens[q - 1].lower().rstrip(".") in (_ROLE_MODIFIERS | TITLES):
            q -= 1
        rest = tokens[p + 1:]
        country = affiliation = None
        while len(rest) > 1 and rest[0].lower() in _PREPS:
            prep, place_len = rest[0].lower(), 1
            for n in (3, 2):
                if len(rest) > n + 1 and gaz.is_place(" ".join(rest[1:n + 1])):
                    place_len = n
                    break
            place = " ".join(rest[1:place_len + 1])
            if prep == "of":
                country = country or gaz.country(place)
                affiliation = affiliation or (None if gaz.country(place) else place)
            rest = rest[place_len + 1:]
        pre = " ".join(tokens[:q])
        pre = re.sub(r"(?:'s|')$", "", pre)
        if pre:
            c = gaz.country(pre) or (gaz.demonym_country(pre) if " " not in pre else None)
            if c:
                country = c
            else:
                affiliation = pre
        words = [w.lower().rstrip(".") for w in tokens[q:p + 1]]
        role = " ".join(_EXPAND.get(w, w) for w in words if w not in _HONORIFICS) or None
        return Form(" ".join(rest), role, country, affiliation, acronym)
    return Form(t, acronym=acronym)


def titled_name(tokens: list[str]) -> int | None:
    """Index of the title in "[X] Title [of|to|in Place]* Name Name", or None when no person name follows."""
    for p in range(len(tokens) - 2, -1, -1):
        word = tokens[p].lower().rstrip(".")
        if word not in TITLES or not tokens[p][:1].isupper():
            continue
        rest = tokens[p + 1:]
        while len(rest) > 2 and rest[0].lower() in _PREPS:
            rest = rest[2:]
        if not 1 <= len(rest) <= 4 or not all(r[:1].isupper() and r[1:2].islower() for r in rest):
            return None
        if rest[-1].lower() in _ORG_HEADS or (len(rest) == 1 and word in _WEAK_TITLES):
            return None
        return p
    return None


def build_nodes(by_form: dict[tuple[str, str], list], forms: dict[tuple[str, str], Form],
                gaz: Gazetteer) -> list[Node]:
    """Aggregate surface forms into nodes keyed by normalised name (deterministic order)."""
    nodes: dict[str, Node] = {}
    for key in sorted(by_form):
        form = forms[key]
        k = norm(form.name) or norm(key[0]) or key[0]
        node = nodes.setdefault(k, Node(k))
        ms = by_form[key]
        node.names[form.name] += len(ms)
        node.labels[key[1]] += len(ms)
        node.forms.append(key)
        node.docs.update(m.doc for m in ms)
        node.count += len(ms)
        node.titled += len(ms) if form.role else 0
    for form in forms.values():  # acronyms seen only inside "X (ABC)" still get a node to link
        if form.acronym and norm(form.acronym) not in nodes:
            nodes[norm(form.acronym)] = Node(norm(form.acronym), Counter({form.acronym: 0}))
    return [nodes[k] for k in sorted(nodes)]


def vote_type(group: list[Node], gaz: Gazetteer, place: bool = False) -> str:
    """One type for a group of nodes: label counts + gazetteer + titles + demonyms (only place
    labels when the group is known to be a place)."""
    votes: Counter[str] = Counter()
    for node in group:
        for label, n in node.labels.items():
            votes[label] += n
        if " " not in node.key and gaz.demonym_country(node.key) and not gaz.is_place(node.name):
            votes["NORP"] += 1.5 * node.count
        if gaz.country(node.name):
            votes["GPE"] += max(2.0, 0.6 * node.count)
        elif gaz.is_place(node.name):
            votes["GPE"] += 1.0
        votes["PERSON"] += node.titled
    if place:
        votes = Counter({k: v for k, v in votes.items() if k in ("GPE", "LOC", "FAC")}) or Counter({"GPE": 1})
    if not votes:
        return "ORG"
    return max(votes, key=lambda lab: (votes[lab], -_LABEL_ORDER.index(lab) if lab in _LABEL_ORDER else -99))


def best_name(group: list[Node], kind: str) -> str:
    """The most frequent form (acronyms, and for persons bare surnames, only when nothing else)."""
    def score(node: Node) -> tuple:
        name = node.name
        return (not _is_acronym(name), kind != "PERSON" or len(name.split()) >= 2, node.count, len(name), name)
    return max((n for n in group if n.count), key=score, default=group[0]).name


def attributes(group: list[Node], forms: dict[tuple[str, str], Form], kind: str, name: str,
               gaz: Gazetteer) -> dict[str, Any]:
    """role / country / affiliation (most frequent across forms), plus demonym and country kind."""
    counters: dict[str, Counter] = defaultdict(Counter)
    for node in group:
        for key in node.forms:
            form = forms[key]
            for attr in ("role", "country", "affiliation"):
                value = getattr(form, attr)
                if value:
                    counters[attr][value] += node.labels[key[1]] or 1
    attrs: dict[str, Any] = {a: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for a, c in counters.items()}
    if kind == "NORP" and "country" not in attrs:
        country = gaz.demonym_country(name.split()[-1])
        if country:
            attrs["country"] = country
    if kind == "GPE" and gaz.country(name):
        attrs["kind"] = "country"
    return dict(sorted(attrs.items()))


def _is_acronym(name: str) -> bool:
    letters = name.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper() and " " not in name


def _units(name: str) -> list[tuple[str, str | None]]:
    """Initial letters of a name: "UN Security Council" -> [(u,None),(n,None),(s,security),(c,council)]."""
    units: list[tuple[str, str | None]] = []
    for tok in re.split(r"[\s\-]+", name.replace(".", "")):
        if not tok or tok.lower() in _STOP:
            continue
        if tok.isupper() and tok.isalpha() and len(tok) <= 5:
            units += [(c.lower(), None) for c in tok]
        elif tok[:1].isalpha():
            units.append((tok[0].lower(), _SPELLING.get(tok.lower(), tok.lower())))
    return units


def _units_agree(a: list, b: list) -> bool:
    return len(a) == len(b) and all(x[0] == y[0] and (x[1] is None or y[1] is None or x[1] == y[1] or ratio(
        x[1], y[1]) >= 85) for x, y in zip(a, b))


def _phonetic(token: str) -> str:
    s = token
    for a, b in (("ph", "f"), ("kh", "k"), ("dh", "d"), ("th", "t"), ("gh", "g"), ("sh", "s"), ("ch", "k"),
                 ("q", "k"), ("c", "k"), ("g", "k"), ("z", "s"), ("x", "ks"), ("w", "v"), ("j", "y"), ("h", "")):
        s = s.replace(a, b)
    s = re.sub(r"(.)\1+", r"\1", s)
    return s[:1] + re.sub(r"[aeiouy]", "", s[1:])


def _first_names_agree(a: list[str], b: list[str]) -> bool:
    if a[0] == b[0]:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    it = iter(long_)
    if all(tok in it for tok in short):
        return True
    x, y = a[0], b[0]
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    return min(len(x), len(y)) >= 5 and Levenshtein.distance(x, y) <= 1


def _blocks(keys: dict[int, list]) -> list[list[int]]:
    index: dict[Any, list[int]] = defaultdict(list)
    for i, ks in keys.items():
        for k in ks:
            index[k].append(i)
    return [b for _, b in sorted(index.items(), key=lambda kv: str(kv[0])) if 1 < len(b) <= MAX_BLOCK]


def link(nodes: list[Node], gaz: Gazetteer) -> tuple[list[int], dict[tuple[int, str], int], set[int]]:
    """Cluster nodes: root per node, {(bare-surname node, doc): root} per-document overrides, and the
    roots known to be places (merged as descriptive variants of one place)."""
    uf = UnionFind(len(nodes))
    types = [vote_type([n], gaz) for n in nodes]
    fam = [FAMILY.get(t, t.lower()) for t in types]
    index = {n.key: i for i, n in enumerate(nodes)}
    toks = [n.key.split() for n in nodes]
    persons = [i for i, t in enumerate(toks) if fam[i] == "person" and len(t) >= 2
               and (nodes[i].titled or not all(w in _DESCRIPTORS for w in t[:-1]))]
    surname = {i: [t for t in toks[i] if t not in _NAME_SUFFIXES][-1] for i in persons}

    # "X (ABC)" forms: the acronym is the expansion's.
    for i, n in enumerate(nodes):
        for text, label in n.forms:
            m = _ACRONYM_RE.match(re.sub(r"(?:'s|')$", "", text.replace("’", "'").strip()))
            if m and m.group(1) and norm(m.group(2)) in index:
                uf.union(i, index[norm(m.group(2))])
    # Persons sharing a surname.
    for block in _blocks({i: [surname[i]] for i in persons}):
        for a in block:
            for b in block:
                if a < b and _first_names_agree(toks[a], toks[b]):
                    uf.union(a, b)
    # Name spans run on into a headline ("Esther Williams Dies"): the much more frequent name they start with.
    for i in persons:
        for k in (len(toks[i]) - 1, len(toks[i]) - 2):
            j = index.get(" ".join(toks[i][:k])) if k >= 2 else None
            if j is not None and fam[j] == "person" and nodes[j].count >= 3 * nodes[i].count:
                uf.union(i, j)
                break
    # Transliterations and typos.
    keys: dict[int, list] = {}
    for i, t in enumerate(toks):
        if len(nodes[i].key) >= 5:
            phon = " ".join(_phonetic(x) for x in t)
            skel = re.sub(r"[aeiouy]", "", nodes[i].key)
            keys[i] = [(fam[i], "p", phon)] if len(phon.replace(" ", "")) >= 3 else []
            keys[i].append((fam[i], "s", skel))
    for block in _blocks(keys):
        for a in block:
            for b in block:
                if a < b and len(toks[a]) == len(toks[b]) and ratio(nodes[a].key, nodes[b].key) >= 70 and (
                        fam[a] != "person" or len(toks[a]) == 1 or _first_names_agree(toks[a], toks[b])):
                    uf.union(a, b)
    # Acronyms: expansions agreeing letter by letter merge; an acronym joins its only expansion.
    letters: dict[int, list] = {}
    for i, n in enumerate(nodes):
        if fam[i] != "person" and len(toks[i]) >= 2 or _is_acronym(n.name):
            letters[i] = ["".join(u[0] for u in _units(n.name))]
    for block in _blocks(letters):
        expansions = [i for i in block if not _is_acronym(nodes[i].name)]
        for a in expansions:
            for b in expansions:
                if a < b and fam[a] == fam[b] and _units_agree(_units(nodes[a].name), _units(nodes[b].name)):
                    uf.union(a, b)
        for a in block:
            if _is_acronym(nodes[a].name):
                roots = {uf.find(b) for b in expansions if fam[b] == fam[a] or nodes[a].count == 0}
                if len(roots) == 1:
                    uf.union(a, roots.pop())
    # Teams and branches named after their place: "New Orleans Saints" / "Saints", when only one fits.
    expansions: dict[int, set[int]] = defaultdict(set)
    for i, t in enumerate(toks):
        if fam[i] != "org" or len(t) < 2:
            continue
        for n in (1, 2, 3):
            short = index.get(" ".join(t[n:]))
            if n < len(t) and short is not None and fam[short] == "org" and gaz.is_place(" ".join(t[:n])):
                expansions[short].add(i)
    for short, longs in expansions.items():
        if len({uf.find(i) for i in longs}) == 1:
            uf.union(short, min(longs))
    # Descriptive variants of one place ("Upper X", "Nagorno-X", "X region" -> X), whatever the tagger said.
    surnames = {surname[i] for i in persons}
    singles = {toks[i][0]: i for i in range(len(nodes)) if len(toks[i]) == 1 and not nodes[i].titled
               and toks[i][0] not in surnames}
    places: set[int] = set()
    for i, t in enumerate(toks):
        if len(t) < 2 or nodes[i].titled or gaz.is_place(nodes[i].name):
            continue
        head, rest = (t[0], t[1:]) if t[-1] in _PLACE_SUFFIXES and len(t) == 2 else (t[-1], t[:-1])
        if head in singles and (t[-1] in _PLACE_SUFFIXES or all(w in _DESCRIPTORS for w in rest)):
            uf.union(i, singles[head])
            places.add(i)
    # Bare surnames: the only person of that name, else per document, else their own entity.
    by_surname: dict[str, set[int]] = defaultdict(set)
    for i in persons:
        by_surname[surname[i]].add(uf.find(i))
    docs: dict[int, set[str]] = defaultdict(set)
    for i, n in enumerate(nodes):
        docs[uf.find(i)] |= n.docs
    overrides: dict[tuple[int, str], int] = {}
    for i, t in enumerate(toks):
        if len(t) != 1 or t[0] not in by_surname or gaz.is_place(nodes[i].name) or uf.find(i) in by_surname[t[0]]:
            continue
        cands = sorted(by_surname[t[0]])
        shared = sum(1 for d in nodes[i].docs if any(d in docs[c] for c in cands))
        if fam[i] != "person" and shared * 2 < len(nodes[i].docs):
            continue
        if len(cands) == 1:
            uf.union(i, cands[0])
            continue
        for d in sorted(nodes[i].docs):
            here = [c for c in cands if d in docs[c]]
            if len(here) == 1:
                overrides[(i, d)] = here[0]
    # Bare first names ("Lindsay"): per document, the only person of that first name mentioned there.
    by_first: dict[str, set[int]] = defaultdict(set)
    for i in persons:
        by_first[toks[i][0]].add(uf.find(i))
    for i, t in enumerate(toks):
        if len(t) != 1 or fam[i] != "person" or t[0] in by_surname or t[0] not in by_first:
            continue
        for d in sorted(nodes[i].docs):
            here = {uf.find(c) for c in by_first[t[0]] if d in docs[c]}
            if len(here) == 1:
                overrides[(i, d)] = here.pop()
    roots = [uf.find(i) for i in range(len(nodes))]
    return roots, {k: uf.find(v) for k, v in overrides.items()}, {roots[i] for i in places}
