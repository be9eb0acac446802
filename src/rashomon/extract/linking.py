"""Entity linking inside one corpus: the merge rules (surface forms, nodes and type voting: :mod:`.names`).

Used by :func:`rashomon.extract.entities.canonicalize`. Work is per distinct normalised
name ("node"), never per mention, and candidate pairs come from blocking keys, never
all pairs: surname, acronym letters, phonetic key, consonant skeleton (and its sorted
letters, for transpositions), place head, name core. Blocks larger than ``MAX_BLOCK`` are
skipped (a key that common says nothing).

Merge rules (each constrained by type family: person / org / place / norp / event), one
function each; ``link`` runs them in a fixed order, and their thresholds are the named
constants above them:
- persons sharing a surname whose first names agree (equal, initial, same phonetic key,
  one typo in a name of 5+ letters, or one name's tokens inside the other's), unless
  their middle names or initials differ ("George H. W." / "George W.") (``merge_surname_variants``);
- a short first name ("Fred", "Katie": a prefix or a common short form) and the only
  fuller name of that surname it can stand for (``merge_short_first_names``);
- acronyms and expansions ("UNSC" / "UN Security Council" / "United Nations Security
  Council"), from "X (ABC)" forms (``merge_acronym_forms``) or from initials when only one
  expansion fits (``merge_acronyms``);
- transliterations (phonetic key: "Gaddafi" / "Qaddafi" / "Kadhafi") and typos
  (consonant skeleton + rapidfuzz ratio), never across different numbers ("117th" /
  "223rd Street") or between two places the gazetteer knows ("Palmer" / "Palermo"); a
  person's full name the tagger called an organisation still meets its variants
  (``merge_spelling_variants``);
- the singular and plural of one demonym ("Armenian" / "Armenians") (``merge_demonym_plurals``);
- two names of one city the gazetteer knows ("Salonika" / "Thessaloniki", "Bombay" / "Mumbai": each names
  that city and no other) (``merge_city_names``);
- descriptive variants of one place ("Nagorno-Karabakh" / "Upper Karabakh" / "Karabakh",
  "Northeast X", "South Richmond Hill" / "Richmond Hill", "X Island" / "X") unless the
  gazetteer knows the longer name as a place of its own ("North Korea") (``merge_place_variants``);
- a team or branch named after its place and its short name ("New Orleans Saints" /
  "Saints"), when only one long name fits the short one (``merge_place_named_teams``);
- one organisation with and without the words saying what kind it is ("X Corp." / "X",
  "X Center" / "X Clinic"); the bare core joins only when it is no person's name
  (``merge_org_cores``);
- a person name run on into a headline ("Esther Williams Dies", "Officials Name X Y")
  and the much more frequent name it starts or ends with (``merge_headline_runons``);
- bare surnames, then bare first names, per document, last (``resolve_bare_surnames``,
  ``resolve_bare_first_names``): the only candidate, the one the document names far more
  often or the corpus names far more often, or (none named in the document) the one its
  other entities point to.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from rapidfuzz.fuzz import ratio

from ..unionfind import UnionFind
from .bare_names import BareNames, resolve_bare_first_names, resolve_bare_surnames
from .gazetteer import Gazetteer, city_of, is_region
from .names import (
    ORG_HEADS,
    TITLES,  # noqa: F401  (re-exported: parsing and type voting moved to .names, linking.X still works)
    Form,  # noqa: F401
    Node,
    attributes,  # noqa: F401
    best_name,  # noqa: F401
    build_nodes,  # noqa: F401
    first_names_agree,
    is_acronym,
    norm,
    parse,  # noqa: F401
    phonetic,
    short_form,
    split_acronym,
    titled_name,  # noqa: F401
    units,
    vote_type,
)

MAX_BLOCK = 64
# vocabulary tables, kept one compact block each (not reformatted)
# fmt: off
_DESCRIPTORS = {"nagorno", "upper", "lower", "greater", "northern", "southern", "eastern", "western", "central",
                "inner", "outer", "mountainous", "north", "south", "east", "west", "northeast", "northwest",
                "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern", "ne",
                "nw", "se", "sw", "downtown", "suburban", "rural"}
_PLACE_SUFFIXES = {"region", "province", "district", "territory", "area", "island", "islands", "sea", "ocean",
                   "river", "peninsula", "desert", "valley", "mountains"}
# Words that name what kind of organisation or site a name is, not which one: "X Corp." / "X" / "X Inc.",
# "X Center" / "X Clinic" / "X Treatment Center" (one name minus these words = its core).
_GENERIC_ORG = {"corp", "corporation", "inc", "incorporated", "co", "ltd", "llc", "plc", "limited", "center",
                "clinic", "treatment", "rehab", "rehabilitation", "recovery", "facility"}
_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
FAMILY = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place",
          "NORP": "norp", "EVENT": "event"}
# fmt: on


def _units_agree(a: list, b: list) -> bool:
    return len(a) == len(b) and all(
        x[0] == y[0] and (x[1] is None or y[1] is None or x[1] == y[1] or ratio(x[1], y[1]) >= 85) for x, y in zip(a, b)
    )


def _blocks(keys: dict[int, list]) -> list[list[int]]:
    index: dict[Any, list[int]] = defaultdict(list)
    for i, ks in keys.items():
        for k in ks:
            index[k].append(i)
    return [b for _, b in sorted(index.items(), key=lambda kv: str(kv[0])) if 1 < len(b) <= MAX_BLOCK]


def _digits(key: str) -> str:
    return "".join(c for c in key if c.isdigit())


def _consonants(key: str) -> str:
    """Sorted consonants: a blocking key that survives transposed letters ("Klitschko" / "Klistchko")."""
    return "".join(sorted(re.sub(r"[aeiouy\s]", "", key)))


# Words that make a name a thing of its own, not a headline run on after a person's name
# ("Betty Ford Center", "Robert Wood Johnson Foundation").
# vocabulary tables, kept one compact block each (not reformatted)
# fmt: off
_THING_WORDS = ORG_HEADS | _GENERIC_ORG | {
    "foundation", "hospital", "school", "college", "museum", "library", "airport", "station", "street", "avenue",
    "road", "boulevard", "bridge", "park", "stadium", "arena", "hall", "building", "tower", "award", "awards",
    "prize", "trophy", "memorial", "show", "family", "estate", "act", "law", "campaign", "fund", "trust", "club",
    "team", "band", "church", "cathedral", "mosque", "temple", "prison", "jail", "hotel", "motel", "restaurant"}
# fmt: on

# Merge-rule thresholds: what each bounds, and where it was tuned (the commit that set it and what that commit reports).
# words of a full person name (first name and surname); a7e0067, origin not recorded
FULL_NAME_MIN_WORDS = 2
# words of a head-plus-more name (expansion, team, org + kind word, descriptor + place); a7e0067, origin not recorded
MULTIWORD_MIN_WORDS = 2
# words a run-on tagged other than PERSON needs; tuned on ECB+ entity eval (rashomon eval entities), 037c6f1
RUNON_MIN_WORDS = 3
# times a run-on's mentions its person name needs; e646d4c, origin not recorded
RUNON_DOMINANCE = 3
# characters a normalised name needs for typo/transliteration keys; a7e0067, origin not recorded
SPELLING_MIN_CHARS = 5
# characters (spaces aside) a phonetic key needs to block; a7e0067, origin not recorded
PHONETIC_MIN_CHARS = 3
# rapidfuzz ratio of two names of one type family to merge; a7e0067, origin not recorded
SPELLING_MIN_RATIO = 70
# ratio of an org's and a place's name to merge; tuned on ECB+ entity eval (rashomon eval entities), 037c6f1
ORG_PLACE_MIN_RATIO = 92
# characters of the shorter org/place name; tuned on ECB+ entity eval (rashomon eval entities), 037c6f1
ORG_PLACE_MIN_CHARS = 8
# ratio of a person's name and that name typed ORG; tuned on ECB+ entity eval (rashomon eval entities), 037c6f1
PERSON_ORG_MIN_RATIO = 85
# initials a name needs to block on them; tuned on ECB+ entity eval (rashomon eval entities), 037c6f1
ACRONYM_MIN_LETTERS = 2
# words of the place a team is named after ("New Orleans Saints"); e646d4c, origin not recorded
TEAM_PLACE_MAX_WORDS = 3
# characters of an org's core (kind words dropped); tuned on ECB+ entity eval (rashomon eval entities), 037c6f1
CORE_MIN_CHARS = 3


def _one_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full names that may name one person: first names that agree, or one a short form of the other's
    ("Stan" / "Stanley", "Bill" / "William")."""
    return first_names_agree(list(a), list(b)) or short_form(a[0], b[0]) or short_form(b[0], a[0])


class Clusters(UnionFind):
    """The union-find the merge rules join nodes in, which refuses a join of two clusters that name two
    different things (cannot-link): full person names whose first names never agree ("Kristie Brian" and
    "Russell Braun", once bare "Brian" and "Braun" are spelling variants), different numbers ("14th Street"
    and "3rd Street" through a "Washington Street"), or different states or countries. Each rule's pairs are
    sound one by one; the chains they make through a bare or short name are what this stops."""

    def __init__(self, full: list[tuple[str, ...] | None], numbers: list[str], regions: list[str]):
        super().__init__(len(full))
        self.full = [{f} if f else set() for f in full]
        self.numbers = [{n} if n else set() for n in numbers]
        self.regions = [{r} if r else set() for r in regions]

    def union(self, i: int, j: int, cap: int | None = None) -> None:
        a, b = self.find(i), self.find(j)
        if a == b or not self.compatible(a, b):
            return
        super().union(a, b, cap)
        root, other = (a, b) if self.find(a) == a else (b, a)
        self.full[root] |= self.full[other]
        self.numbers[root] |= self.numbers[other]
        self.regions[root] |= self.regions[other]

    def compatible(self, a: int, b: int) -> bool:
        fa, fb = self.full[a], self.full[b]
        if fa and fb and not any(_one_person(x, y) for x in fa for y in fb):
            return False
        return not any(sets[a] and sets[b] and sets[a].isdisjoint(sets[b]) for sets in (self.numbers, self.regions))


@dataclass
class Linking:
    """What the merge rules of one :func:`link` call read, and the union-find they join nodes in."""

    nodes: list[Node]
    gaz: Gazetteer
    uf: Clusters
    fam: list[str]  # type family per node (person / org / place / norp / event), from its own labels
    index: dict[str, int]  # normalised name -> node
    toks: list[list[str]]  # the words of each node's normalised name
    persons: list[int]  # full person names (first name and surname at least)
    surname: dict[int, str]  # full person name -> its surname
    surnames: set[str]
    first_names: set[str]
    person_blocks: list[list[int]]  # full person names sharing a surname

    @classmethod
    def start(cls, nodes: list[Node], gaz: Gazetteer) -> Linking:
        """Every node in a cluster of its own, typed by its own labels."""
        types = [vote_type([n], gaz) for n in nodes]
        fam = [FAMILY.get(t, t.lower()) for t in types]
        toks = [n.key.split() for n in nodes]
        persons = [
            i
            for i, t in enumerate(toks)
            if fam[i] == "person"
            and len(t) >= FULL_NAME_MIN_WORDS
            and t[-1] not in TITLES | ORG_HEADS  # "Boone County Sheriff", "Norfolk Detective Division": no surnames
            and (nodes[i].titled or not all(w in _DESCRIPTORS for w in t[:-1]))
        ]
        surname = {i: [t for t in toks[i] if t not in _NAME_SUFFIXES][-1] for i in persons}
        full = [tuple(toks[i]) if i in surname else None for i in range(len(nodes))]
        numbers = [_digits(n.key) if fam[i] != "person" else "" for i, n in enumerate(nodes)]
        regions = [n.key if is_region(n.key) or gaz.country(n.key) else "" for n in nodes]
        return cls(
            nodes,
            gaz,
            Clusters(full, numbers, regions),
            fam,
            {n.key: i for i, n in enumerate(nodes)},
            toks,
            persons,
            surname,
            set(surname.values()),
            {toks[i][0] for i in persons},
            _blocks({i: [surname[i]] for i in persons}),
        )

    def is_place(self, words: list[str]) -> bool:
        """Whether words name a place: the gazetteer knows it, or a node of that name is typed a place."""
        j = self.index.get(" ".join(words))
        return self.gaz.is_place(" ".join(words)) or (j is not None and self.fam[j] == "place")


def link(nodes: list[Node], gaz: Gazetteer) -> tuple[list[int], dict[tuple[int, str], int], set[int]]:
    """Cluster nodes: root per node, {(bare-name node, doc): root} per-document overrides, and the
    roots known to be places (merged as descriptive variants of one place).

    The merge rules run in this order; each reads the clusters the ones before it made."""
    s = Linking.start(nodes, gaz)
    merge_acronym_forms(s)
    merge_surname_variants(s)
    merge_short_first_names(s)
    runons = merge_headline_runons(s)
    merge_spelling_variants(s)
    merge_demonym_plurals(s)
    merge_acronyms(s)
    merge_place_named_teams(s)
    merge_org_cores(s)
    places = merge_place_variants(s)
    merge_city_names(s)
    bare = BareNames.start(s, runons)
    overrides = resolve_bare_surnames(s, bare)
    overrides.update(resolve_bare_first_names(s, bare))
    roots = [s.uf.find(i) for i in range(len(nodes))]
    return roots, {k: s.uf.find(v) for k, v in overrides.items()}, {roots[i] for i in places}


def merge_acronym_forms(s: Linking) -> None:
    """ "X (ABC)" forms: the acronym is the expansion's."""
    for i, n in enumerate(s.nodes):
        for text, _label in n.forms:
            _, acronym = split_acronym(re.sub(r"(?:'s|')$", "", text.replace("’", "'").strip()))
            if acronym and norm(acronym) in s.index:
                s.uf.union(i, s.index[norm(acronym)])


def merge_surname_variants(s: Linking) -> None:
    """Persons sharing a surname whose first names agree (``first_names_agree``)."""
    for block in s.person_blocks:
        for a in block:
            for b in block:
                if a < b and first_names_agree(s.toks[a], s.toks[b]):
                    s.uf.union(a, b)


def merge_short_first_names(s: Linking) -> None:
    """Short first names ("Fred", "Katie"): the only fuller name of that surname they can stand for."""
    for block in s.person_blocks:
        for a in block:
            cands = {s.uf.find(b) for b in block if short_form(s.toks[a][0], s.toks[b][0])} - {s.uf.find(a)}
            if len(cands) == 1:
                s.uf.union(a, cands.pop())


def merge_headline_runons(s: Linking) -> set[int]:
    """Name spans run on into a headline ("Esther Williams Dies", "Obama To Nominate Regina Benjamin",
    "Lindsay Lohan Checks Into Rehab"): the much more frequent person name they start or end with.
    Tagged other than PERSON, only when nothing in the rest names a thing of its own ("Betty Ford Center").
    The run-ons merged."""
    nodes, toks = s.nodes, s.toks
    person_set = set(s.persons)
    runons: set[int] = set()
    for i, t in enumerate(toks):
        if len(t) < RUNON_MIN_WORDS and i not in person_set:
            continue
        for k in range(len(t) - 1, FULL_NAME_MIN_WORDS - 1, -1):
            hit = None
            for part, rest in ((t[:k], t[k:]), (t[len(t) - k :], t[: len(t) - k])):
                j = s.index.get(" ".join(part))
                if (
                    j is not None
                    and j in person_set
                    and nodes[j].count >= RUNON_DOMINANCE * nodes[i].count
                    and (i in person_set or not set(rest) & _THING_WORDS)
                ):
                    hit = j
                    break
            if hit is not None:
                s.uf.union(i, hit)
                runons.add(i)
                break
    return runons


def merge_spelling_variants(s: Linking) -> None:
    """Transliterations and typos: names that block on a phonetic key, a consonant skeleton or sorted
    consonants and are near-identical (rapidfuzz ratio), never across different numbers or between two
    places the gazetteer knows; a bare surname the tagger called something else blocks as a person, and a
    person's full name the tagger called an organisation still meets its variants."""
    nodes, toks, fam, gaz = s.nodes, s.toks, s.fam, s.gaz
    pfam = list(fam)
    for i, t in enumerate(toks):
        if (
            len(t) == 1
            and t[0] in s.surnames
            and fam[i] != "person"
            and not gaz.is_place(nodes[i].name)
            and not gaz.demonym_country(t[0])
        ):
            pfam[i] = "person"
    keys: dict[int, list] = {}
    for i, t in enumerate(toks):
        if len(nodes[i].key) >= SPELLING_MIN_CHARS:
            block_fam = "person" if pfam[i] == "person" else "other"
            phon = " ".join(phonetic(x) for x in t)
            skel = re.sub(r"[aeiouy]", "", nodes[i].key)
            keys[i] = [(block_fam, "p", phon)] if len(phon.replace(" ", "")) >= PHONETIC_MIN_CHARS else []
            keys[i] += [(block_fam, "s", skel), (block_fam, "c", len(t), _consonants(nodes[i].key))]
            if len(t) >= FULL_NAME_MIN_WORDS and pfam[i] in ("person", "org"):
                keys[i].append(("person/org", "p", phon))
    for block in _blocks(keys):
        for a in block:
            for b in block:
                if (
                    a >= b
                    or len(toks[a]) != len(toks[b])
                    or _digits(nodes[a].key) != _digits(nodes[b].key)
                    or (gaz.is_place(nodes[a].name) and gaz.is_place(nodes[b].name))
                ):
                    continue  # "117th Street" / "223rd Street", "Palmer" / "Palermo": two things
                r = ratio(nodes[a].key, nodes[b].key)
                if pfam[a] == pfam[b]:
                    ok = r >= SPELLING_MIN_RATIO and (
                        pfam[a] != "person" or len(toks[a]) == 1 or first_names_agree(toks[a], toks[b])
                    )
                elif {pfam[a], pfam[b]} <= {"org", "place"}:  # typed differently: near-identical long names
                    ok = r >= ORG_PLACE_MIN_RATIO and min(len(nodes[a].key), len(nodes[b].key)) >= ORG_PLACE_MIN_CHARS
                else:  # a person's full name the tagger called an organisation ("Bettie Page" / "Betty Page")
                    ok = (
                        {pfam[a], pfam[b]} == {"person", "org"}
                        and len(toks[a]) >= FULL_NAME_MIN_WORDS
                        and r >= PERSON_ORG_MIN_RATIO
                        and phonetic(toks[a][-1]) == phonetic(toks[b][-1])
                        and first_names_agree(toks[a], toks[b])
                    )
                if ok:
                    s.uf.union(a, b)


def merge_demonym_plurals(s: Linking) -> None:
    """One group's demonym, singular and plural ("Armenian" / "Armenians"); "Azeri" and "Scottish" stay apart."""
    demonyms: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(s.toks):
        if s.fam[i] == "norp" and len(t) == 1 and s.gaz.demonym_country(t[0]):
            demonyms[t[0][:-1] if t[0].endswith("s") else t[0]].append(i)
    for group in demonyms.values():
        for j in group[1:]:
            s.uf.union(group[0], j)


def merge_acronyms(s: Linking) -> None:
    """Acronyms: expansions agreeing letter by letter merge; an acronym joins its only expansion."""
    nodes, fam, uf = s.nodes, s.fam, s.uf
    letters: dict[int, list] = {}
    for i, n in enumerate(nodes):
        initials = units(n.name)
        if len(initials) >= ACRONYM_MIN_LETTERS and (
            fam[i] != "person" and len(s.toks[i]) >= MULTIWORD_MIN_WORDS or is_acronym(n.name)
        ):
            letters[i] = ["".join(u[0] for u in initials)]
    for block in _blocks(letters):
        expansions = [i for i in block if not is_acronym(nodes[i].name)]
        for a in expansions:
            for b in expansions:
                if a < b and fam[a] == fam[b] and _units_agree(units(nodes[a].name), units(nodes[b].name)):
                    uf.union(a, b)
        for a in block:
            if is_acronym(nodes[a].name):
                roots = {uf.find(b) for b in expansions if fam[b] == fam[a] or nodes[a].count == 0}
                if len(roots) == 1:
                    uf.union(a, roots.pop())


def merge_place_named_teams(s: Linking) -> None:
    """Teams and branches named after their place: "New Orleans Saints" / "Saints", when only one fits."""
    expansions: dict[int, set[int]] = defaultdict(set)
    for i, t in enumerate(s.toks):
        if s.fam[i] != "org" or len(t) < MULTIWORD_MIN_WORDS:
            continue
        for n in range(1, TEAM_PLACE_MAX_WORDS + 1):
            short = s.index.get(" ".join(t[n:]))
            if n < len(t) and short is not None and s.fam[short] == "org" and s.is_place(t[:n]):
                expansions[short].add(i)
    for short, longs in expansions.items():
        if len({s.uf.find(i) for i in longs}) == 1:
            s.uf.union(short, min(longs))


def merge_org_cores(s: Linking) -> None:
    """One organisation or site with and without the words saying what kind it is ("Microsoft Corp." /
    "Microsoft", "X Center" / "X Clinic" / "X Treatment Center"); the bare core joins only when it is
    no person's name."""
    toks, fam = s.toks, s.fam
    cores: dict[str, set[int]] = defaultdict(set)
    for i, t in enumerate(toks):
        if fam[i] in ("org", "place") and len(t) >= MULTIWORD_MIN_WORDS and t[-1] in _GENERIC_ORG:
            words = list(t)
            while words and words[-1] in _GENERIC_ORG:
                words.pop()
            if words and len(" ".join(words)) >= CORE_MIN_CHARS:
                cores[" ".join(words)].add(i)
    for core, group in cores.items():
        j = s.index.get(core)
        if j is not None and (
            fam[j] in ("org", "place") or (len(toks[j]) == 1 and core not in s.surnames and core not in s.first_names)
        ):
            group.add(j)
        ordered = sorted(group)
        for k in ordered[1:]:
            s.uf.union(ordered[0], k)


def merge_city_names(s: Linking) -> None:
    """Two names of one city ("Salonika" / "Thessaloniki", "Bombay" / "Mumbai"): places that each name one
    and the same city of the gazetteer (:func:`.gazetteer.city_of`), neither a country nor a region."""
    by_city: dict[int, list[int]] = defaultdict(list)
    for i, n in enumerate(s.nodes):
        if s.fam[i] != "place" or s.gaz.country(n.name) or is_region(n.name):
            continue
        if (city := city_of(n.name)) is not None:
            by_city[city].append(i)
    for same in by_city.values():
        for j in same[1:]:
            s.uf.union(same[0], j)


def merge_place_variants(s: Linking) -> set[int]:
    """Descriptive variants of one place ("Upper X", "Nagorno-X", "Northeast X", "X region", "X Island" -> X),
    whatever the tagger said; a longer place name the gazetteer knows ("North Korea") stays its own.
    The variants merged."""
    nodes, toks, fam, gaz = s.nodes, s.toks, s.fam, s.gaz
    singles = {
        toks[i][0]: i
        for i in range(len(nodes))
        if len(toks[i]) == 1 and not nodes[i].titled and toks[i][0] not in s.surnames
    }
    places: set[int] = set()
    for i, t in enumerate(toks):
        if len(t) < MULTIWORD_MIN_WORDS or nodes[i].titled or gaz.is_place(nodes[i].name):
            continue
        heads = (
            [t[:-1]]
            if t[-1] in _PLACE_SUFFIXES
            else [t[k:] for k in range(1, len(t)) if all(w in _DESCRIPTORS for w in t[:k])]
        )
        for head in heads:
            j = singles.get(head[0]) if len(head) == 1 else s.index.get(" ".join(head))
            if (
                j is not None
                and (len(head) == 1 or fam[j] == "place")
                and fam[j] != "norp"
                and not (len(head) == 1 and gaz.demonym_country(head[0]))
            ):  # "Iranian Island" is no "Iranian"
                s.uf.union(i, j)
                places.add(i)
                break
    return places
