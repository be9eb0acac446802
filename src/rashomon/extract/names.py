"""Entity names as the corpus writes them, for :mod:`rashomon.extract.linking`.

Each surface form is parsed once (name + title phrase: role, country, affiliation; "X (ABC)"
acronyms; a quoted nickname or an honorific marks a person) and normalised (case, accents, dots
of acronyms, British/American spelling); forms with one normalised name make a :class:`Node`.
A group of nodes gets one type (label votes, gazetteer, titles, demonyms), a name and attributes.
Person names are compared here too: first names that agree, short forms and nicknames, a
phonetic key for transliterations.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz.distance import Levenshtein

from .gazetteer import Gazetteer, fold

# vocabulary tables, kept one compact block each (not reformatted)
# fmt: off
TITLES = {
    "ambassador", "president", "minister", "pm", "fm", "premier", "chancellor", "spokesperson", "spokesman",
    "spokeswoman", "speaker", "senator", "sen", "governor", "gov", "mayor", "general", "gen", "colonel", "col",
    "captain", "capt", "lieutenant", "lt", "sergeant", "sgt", "secretary", "secretary-general", "king", "queen",
    "prince", "princess", "sheikh", "judge", "justice", "attorney", "director", "commissioner", "chairman",
    "chairwoman", "envoy", "pope", "bishop", "detective", "sheriff", "inspector", "superintendent", "coach",
    "dr", "mr", "mrs", "ms", "rep", "representative", "congressman", "congresswoman", "chief", "officer",
    "deputy", "miss", "mister", "sir", "dame", "lady", "lord", "father", "rev", "reverend", "professor", "prof",
    "trooper", "agent", "cardinal", "rabbi", "imam", "councilman", "councilwoman", "councillor", "commander",
}
_WEAK_TITLES = {"general", "chief", "justice", "attorney", "secretary", "director", "speaker", "king",
                "queen", "prince", "princess", "lady", "lord", "agent"}
ORG_HEADS = {"assembly", "council", "committee", "office", "ministry", "department", "forum", "group", "army",
             "party", "court", "university", "bank", "agency", "commission", "association", "union", "corps",
             "command", "service", "center", "centre", "institute", "board", "company", "police", "force",
             "forces", "house", "senate", "congress", "parliament", "government", "administration", "division",
             "bureau"}
_HONORIFICS = {"mr", "mrs", "ms", "dr", "miss", "mister", "sir", "dame"}
_ROLE_MODIFIERS = {"prime", "vice", "deputy", "foreign", "interior", "defence", "defense", "finance", "home",
                   "first", "acting", "former", "assistant", "senior", "state", "executive", "managing", "chief"}
_EXPAND = {"pm": "prime minister", "fm": "foreign minister", "sen": "senator", "gov": "governor",
           "gen": "general", "col": "colonel", "capt": "captain", "lt": "lieutenant", "sgt": "sergeant",
           "rep": "representative"}
_PREPS = {"of", "to", "in", "for"}
SPELLING = {"organisation": "organization", "organisations": "organizations", "defence": "defense",
            "centre": "center", "labour": "labor", "programme": "program", "honour": "honor", "mt": "mount"}
# Common English short forms of first names that are not prefixes of the full name ("Fred" / "Frederick"
# is found by prefix); each maps to the full names it may stand for.
NICKNAMES = {
    "bob": {"robert"}, "bobby": {"robert"}, "rob": {"robert"}, "robbie": {"robert"}, "bill": {"william"},
    "billy": {"william"}, "will": {"william"}, "willie": {"william"}, "jim": {"james"}, "jimmy": {"james"},
    "mike": {"michael"}, "mick": {"michael"}, "dick": {"richard"}, "rick": {"richard", "eric"},
    "ricky": {"richard"}, "ted": {"edward", "theodore"}, "ed": {"edward"}, "eddie": {"edward"},
    "chuck": {"charles"}, "charlie": {"charles"}, "jack": {"john"}, "johnny": {"john"}, "hank": {"henry"},
    "harry": {"henry", "harold"}, "larry": {"lawrence", "laurence"}, "joe": {"joseph"}, "tony": {"anthony"},
    "katie": {"katherine", "kathryn", "catherine", "kathleen"}, "kate": {"katherine", "kathryn", "catherine"},
    "kathy": {"katherine", "kathryn", "kathleen"}, "cathy": {"catherine"}, "betty": {"elizabeth"},
    "liz": {"elizabeth"}, "beth": {"elizabeth"}, "betsy": {"elizabeth"}, "peggy": {"margaret"},
    "maggie": {"margaret"}, "meg": {"margaret"}, "jerry": {"gerald", "jerome", "gerard", "gerardo"},
    "mo": {"maurice", "mohammed", "muhammad"}, "sandy": {"sandra", "alexander"}, "becky": {"rebecca"},
    "sally": {"sarah"}, "molly": {"mary"}, "polly": {"mary"}, "jenny": {"jennifer"}, "steve": {"steven", "stephen"},
    "dave": {"david"}, "andy": {"andrew"}, "tom": {"thomas"}, "tommy": {"thomas"}, "nick": {"nicholas"},
    "matt": {"matthew"}, "pat": {"patrick", "patricia"}, "sue": {"susan", "suzanne"}, "al": {"albert", "alan"},
    "danny": {"daniel"}, "dan": {"daniel"}, "ben": {"benjamin"}, "sam": {"samuel", "samantha"},
    "greg": {"gregory"}, "jeff": {"jeffrey"}, "tim": {"timothy"}, "ron": {"ronald"}, "don": {"donald"},
    "ken": {"kenneth"}, "len": {"leonard"}, "walt": {"walter"}, "abe": {"abraham"}, "vince": {"vincent"},
}
# fmt: on
_LABEL_ORDER = ["PERSON", "GPE", "ORG", "LOC", "NORP", "FAC", "EVENT"]
_POSITION_RE = re.compile(r"^[A-Z]{2,3}$")
_NICKNAME_RE = re.compile(  # 'First "Nick" Last', "First (Nick) Last"
    r"""^[A-Z][\w.'-]+(?: [A-Z][\w.'-]+)? [("“'‘]+[A-Za-z][\w .'-]*[)"”'’]+ [A-Z][\w'-]+$"""
)
ACRONYM_RE = re.compile(r"^(.*?)\s*\(([A-Z][A-Za-z]{1,7})\)?$")
_INITIAL_STOP = {"of", "the", "and", "for", "on", "in", "at", "to", "&", "de"}  # words an acronym skips


def units(name: str) -> list[tuple[str, str | None]]:
    """Initial letters of a name: "UN Security Council" -> [(u,None),(n,None),(s,security),(c,council)]; a
    number is a unit of its own ("W. 16th Street" is no "Walnut Street")."""
    units: list[tuple[str, str | None]] = []
    for tok in re.split(r"[\s\-]+", name.replace(".", "")):
        if not tok or tok.lower() in _INITIAL_STOP:
            continue
        if tok.isupper() and tok.isalpha() and len(tok) <= 6:
            units += [(c.lower(), None) for c in tok]
        elif tok[:1].isalpha():
            units.append((tok[0].lower(), SPELLING.get(tok.lower(), tok.lower())))
        elif tok[:1].isdigit():
            units.append((tok[0], tok.lower()))
    return units


def split_acronym(text: str) -> tuple[str, str | None]:
    """ "X (ABC)" -> ("X", "ABC") where the acronym fits the expansion (:func:`acronym_fits`), ("X", None) where it
    does not ("CHICAGO (AP)"); any other text -> (text, None)."""
    m = ACRONYM_RE.match(text)
    if not (m and m.group(1)):
        return text, None
    return m.group(1), m.group(2) if acronym_fits(m.group(2), m.group(1)) else None


def acronym_fits(acronym: str, expansion: str) -> bool:
    """Whether ``acronym`` can abbreviate ``expansion``: it starts with the first word's initial and its other
    letters follow in the expansion's, in order ("Associated Press (AP)", "Federal Bureau of Investigation
    (FBI)", "Velmoran Trade Council (VETCO)"); not a dateline's agency or station after a town ("CHICAGO (AP)",
    "Ga. (WSAV)"), which would chain every town into one entity."""
    letters = [c for c in acronym.lower() if c.isalpha()]
    first = next(iter(units(expansion)), ("",))[0]
    rest = iter(expansion.lower())
    return bool(letters) and letters[0] == first and all(c in rest for c in letters)


@dataclass(frozen=True)
class Form:
    """One surface form parsed: the name, and what its title phrase said."""

    name: str
    role: str | None = None
    country: str | None = None
    affiliation: str | None = None
    acronym: str | None = None
    honorific: bool = False  # "Mr." / "Ms." or a quoted nickname: a person, though no role


@dataclass
class Node:
    """One normalised name with everything its surface forms contributed."""

    key: str
    names: Counter = field(default_factory=Counter)
    labels: Counter = field(default_factory=Counter)
    forms: list[tuple[str, str]] = field(default_factory=list)
    docs: Counter = field(default_factory=Counter)  # document -> mentions there
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
    s = re.sub(r"\b[a-z](?: [a-z]\b)+", lambda m: m.group(0).replace(" ", ""), s)  # "u s" (from "U. S.") -> "us"
    return " ".join(SPELLING.get(t, t) for t in s.split())


def parse(text: str, label: str, gaz: Gazetteer) -> Form:
    """Split a surface form into name + role/country/affiliation (+ acronym of "X (ABC)")."""
    t = re.sub(r"\s+", " ", text.replace("’", "'")).strip()
    t = re.sub(r"^(?:the|The|THE) ", "", t)
    t = re.sub(r"(?:'s|')$", "", t)
    t, acronym = split_acronym(t)
    tokens = t.split()
    p = titled_name(tokens) if label == "PERSON" else None
    if p is not None:
        q = p
        while q > 0 and tokens[q - 1].lower().rstrip(".") in (_ROLE_MODIFIERS | TITLES):
            q -= 1
        rest = tokens[p + 1 :]
        country = affiliation = None
        while len(rest) > 1 and rest[0].lower() in _PREPS:
            prep, place_len = rest[0].lower(), 1
            for n in (3, 2):
                if len(rest) > n + 1 and gaz.is_place(" ".join(rest[1 : n + 1])):
                    place_len = n
                    break
            place = " ".join(rest[1 : place_len + 1])
            if prep == "of":
                country = country or gaz.country(place)
                affiliation = affiliation or (None if gaz.country(place) else place)
            rest = rest[place_len + 1 :]
        pre = " ".join(tokens[:q])
        pre = re.sub(r"(?:'s|')$", "", pre)
        if pre:
            c = gaz.country(pre) or (gaz.demonym_country(pre) if " " not in pre else None)
            if c:
                country = c
            else:
                affiliation = pre
        words = [w.lower().rstrip(".") for w in tokens[q : p + 1]]
        role = " ".join(_EXPAND.get(w, w) for w in words if w not in _HONORIFICS) or None
        return Form(" ".join(rest), role, country, affiliation, acronym, honorific=role is None)
    m = _NICKNAME_RE.match(t)
    if m:  # 'Kimani (Kiki) Gray', 'Vincent "The Chin" Gigante': a person, whatever the tagger said
        return Form(t, acronym=acronym, honorific=True)
    if label == "PERSON" and len(tokens) >= 2 and _POSITION_RE.match(tokens[0]):
        # A position abbreviation run into the name ("WR Jackson", "DT Tyson Jackson"): a role.
        return Form(" ".join(tokens[1:]), tokens[0].lower(), acronym=acronym)
    return Form(t, acronym=acronym)


def titled_name(tokens: list[str]) -> int | None:
    """Index of the title in "[X] Title [of|to|in Place]* Name Name", or None when no person name follows."""
    for p in range(len(tokens) - 2, -1, -1):
        word = tokens[p].lower().rstrip(".")
        if word not in TITLES or not tokens[p][:1].isupper():
            continue
        rest = tokens[p + 1 :]
        while len(rest) > 2 and rest[0].lower() in _PREPS:
            rest = rest[2:]
        if not 1 <= len(rest) <= 4 or not all(r[:1].isupper() and r[1:2].islower() for r in rest):
            return None
        if rest[-1].lower() in ORG_HEADS or (len(rest) == 1 and word in _WEAK_TITLES):
            return None
        return p
    return None


def build_nodes(by_form: dict[tuple[str, str], list], forms: dict[tuple[str, str], Form], gaz: Gazetteer) -> list[Node]:
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
        node.titled += len(ms) if form.role or form.honorific else 0
    for form in forms.values():  # acronyms seen only inside "X (ABC)" still get a node to link
        if form.acronym and norm(form.acronym) not in nodes:
            nodes[norm(form.acronym)] = Node(norm(form.acronym), Counter({form.acronym: 0}))
    return [nodes[k] for k in sorted(nodes)]


def vote_type(group: list[Node], gaz: Gazetteer, place: bool = False) -> str:
    """One type for a group of nodes: label counts + gazetteer + titles + demonyms (only place
    labels when the group is known to be a place)."""
    votes: defaultdict[str, float] = defaultdict(float)
    # A bare word ("Klitschko", "Lohan") is the tagger's weakest evidence: with fuller names in the
    # group, its labels count half (a tenth once the fuller names have 3+ mentions).
    multi = 0 if place else sum(node.count for node in group if " " in node.key)
    for node in group:
        weight = 1.0 if not multi or " " in node.key else 0.5 if multi < 3 else 0.1
        for label, n in node.labels.items():
            votes[label] += weight * n
        last = node.key.split()[-1] if node.key else ""
        if " " not in node.key and gaz.demonym_country(node.key) and not gaz.is_place(node.name):
            votes["NORP"] += 1.5 * node.count
        elif last.endswith("s") and gaz.demonym_country(last) and not gaz.is_place(last):
            votes["NORP"] += 1.5 * node.count  # "Muslim Azerbaijanis", "Christian Armenians"
        if gaz.country(node.name):
            votes["GPE"] += max(2.0, 0.6 * node.count)
        elif gaz.is_place(node.name):
            votes["GPE"] += 1.5  # outvotes one stray label ("Yerevan" as PERSON), not a name's many
        votes["PERSON"] += node.titled
    if place:
        kept = {k: v for k, v in votes.items() if k in ("GPE", "LOC", "FAC")}
        votes = defaultdict(float, kept or {"GPE": 1.0})
    if not votes:
        return "ORG"
    return max(votes, key=lambda lab: (votes[lab], -_LABEL_ORDER.index(lab) if lab in _LABEL_ORDER else -99))


def best_name(group: list[Node], kind: str) -> str:
    """The most frequent form (acronyms, and for persons bare surnames, only when nothing else)."""

    def score(node: Node) -> tuple:
        name = node.name
        return (not is_acronym(name), kind != "PERSON" or len(name.split()) >= 2, node.count, len(name), name)

    return max((n for n in group if n.count), key=score, default=group[0]).name


def attributes(
    group: list[Node], forms: dict[tuple[str, str], Form], kind: str, name: str, gaz: Gazetteer
) -> dict[str, Any]:
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


def is_acronym(name: str) -> bool:
    letters = name.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper() and " " not in name


def phonetic(token: str) -> str:
    s = token
    for a, b in (
        ("ph", "f"),
        ("kh", "k"),
        ("dh", "d"),
        ("th", "t"),
        ("gh", "g"),
        ("sh", "s"),
        ("ch", "k"),
        ("q", "k"),
        ("c", "k"),
        ("g", "k"),
        ("z", "s"),
        ("x", "ks"),
        ("w", "v"),
        ("j", "y"),
        ("h", ""),
    ):
        s = s.replace(a, b)
    s = re.sub(r"(.)\1+", r"\1", s)
    return s[:1] + re.sub(r"[aeiouy]", "", s[1:])


def first_names_agree(a: list[str], b: list[str]) -> bool:
    if a[0] == b[0]:
        # "George H. W. Bush" / "George W. Bush": middle names (or initials) that differ, two people.
        return not (len(a) > 2 and len(b) > 2 and a[1][0] != b[1][0])
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    it = iter(long_)
    if all(tok in it for tok in short):
        return True
    x, y = a[0], b[0]
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    if min(len(x), len(y)) >= 4 and phonetic(x) == phonetic(y):  # "Bettie" / "Betty"
        return True
    return min(len(x), len(y)) >= 5 and Levenshtein.distance(x, y) <= 1


def short_form(x: str, y: str) -> bool:
    """Whether first name ``x`` can be a short form of ``y``: "Fred" / "Frederick", "Katie" / "Kathryn"."""
    if x == y:
        return False
    return y in NICKNAMES.get(x, ()) or (len(x) >= 3 and len(y) >= len(x) + 2 and y.startswith(x))
