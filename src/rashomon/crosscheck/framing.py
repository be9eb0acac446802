"""Framing: which words each outlet chooses for contested things, and whose officials it quotes.

This module owns the framing lexicon (YAML files in ``lexicon/``, plus any files or
folders the user names in ``Options.lexicons``), matching it against cleaned document
text, and the two framing tables:

* ``framing_table(hits)`` — term choices by outlet: rows {category, group, term, outlet, count};
* ``officials_by_outlet(quotes, entities, documents)`` — whose officials each outlet quotes:
  rows {outlet, speaker, name, affiliation, country, count}.

A lexicon file looks like::

    category: control
    groups:
      - group: change-of-control          # the set of alternatives
        terms:
          - term: liberated               # canonical term
            forms: [liberated, liberation] # surface forms, case-insensitive, multiword allowed

A term may also list ``patterns:`` (regular expressions, case-insensitive; ``(?-i:...)``
makes a part case-sensitive) for families of forms, and its ``term`` may name the pattern's
named groups, filled in from the text::

          - term: "{actor}-administered"   # "Indian-administered", "Pakistani-administered", ...
            patterns: ['(?P<actor>[a-z]+)-administered']

Matching is case-insensitive on word boundaries (hyphens and apostrophes count as
part of a word, so "self-proclaimed" is one form and "held" does not fire inside
"rebel-held" unless "rebel-held" is listed); the longest match wins where matches overlap,
and on the very same span a listed form wins over a pattern (overlaps are resolved within a
category: "liberated territories" is a territory term and its "liberated" a control term).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import UsageError
from ..records import Claim, Document, Entity, FramingHit, QuoteClaim
from .sources import outlet_of

STAGE = "framing@1"
PACKAGED = Path(__file__).with_name("lexicon")


@dataclass(frozen=True)
class Term:
    category: str
    group: str
    term: str
    forms: tuple[str, ...]
    patterns: tuple[str, ...] = ()


def _lexicon_files(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            files += sorted(list(p.glob("*.yaml")) + list(p.glob("*.yml")))
        elif p.is_file():
            files.append(p)
        else:
            raise UsageError(f"framing lexicon {p} not found", hint="pass a .yaml file or a folder of them")
    return files


def parse_lexicon(data: object, source: str) -> list[Term]:
    """Validate one lexicon document and return its terms (errors name the file and the field)."""
    if not isinstance(data, dict) or not isinstance(data.get("category"), str):
        raise UsageError(
            "a lexicon needs a top-level 'category: <name>'",
            source=source,
            hint="see src/rashomon/crosscheck/lexicon/control.yaml for the format",
        )
    groups = data.get("groups")
    if not isinstance(groups, list) or not groups:
        raise UsageError("a lexicon needs a non-empty 'groups:' list", source=source)
    terms = []
    for g in groups:
        if not isinstance(g, dict) or not isinstance(g.get("group"), str) or not isinstance(g.get("terms"), list):
            raise UsageError("each group needs 'group: <name>' and a 'terms:' list", source=source)
        for t in g["terms"]:
            if not isinstance(t, dict) or not isinstance(t.get("term"), str):
                raise UsageError(f"each term of group {g['group']!r} needs 'term: <canonical>'", source=source)
            patterns = t.get("patterns") or []
            forms = t.get("forms") or ([] if patterns else [t["term"]])
            if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
                raise UsageError(f"term {t['term']!r}: 'forms' must be a list of words", source=source)
            if not isinstance(patterns, list) or not all(isinstance(p, str) and p.strip() for p in patterns):
                raise UsageError(f"term {t['term']!r}: 'patterns' must be a list of regular expressions", source=source)
            for p in patterns:
                try:
                    names = set(re.compile(p).groupindex)
                except re.error as exc:
                    raise UsageError(
                        f"term {t['term']!r}: pattern {p!r} is not a regular expression: {exc}", source=source
                    ) from exc
                missing = set(re.findall(r"{(\w+)}", t["term"])) - names
                if missing:
                    raise UsageError(
                        f"term {t['term']!r} names {sorted(missing)} but pattern {p!r} has no such named group",
                        source=source,
                    )
            terms.append(
                Term(data["category"], g["group"], t["term"], tuple(f.strip().lower() for f in forms), tuple(patterns))
            )
    return terms


@lru_cache(maxsize=8)
def _load(paths: tuple[Path, ...]) -> tuple[Term, ...]:
    terms: list[Term] = []
    for f in _lexicon_files((PACKAGED, *paths)):
        try:
            data = yaml.safe_load(f.read_text("utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise UsageError(
                f"cannot read framing lexicon: {exc}",
                source=str(f),
                hint="fix the YAML syntax or remove the file from --lexicon",
            ) from exc
        terms += parse_lexicon(data, str(f))
    return tuple(terms)


def load_lexicon(extra: Iterable[Path] = ()) -> tuple[Term, ...]:
    """The packaged lexicon plus the user's files/folders."""
    return _load(tuple(Path(p) for p in extra))


_EDGE_L, _EDGE_R = r"(?<![\w'-])", r"(?![\w'-])"


@lru_cache(maxsize=8)
def _pattern(
    terms: tuple[Term, ...],
) -> tuple[tuple[tuple[str, re.Pattern], ...], dict[tuple[str, str], list[Term]], tuple[tuple[re.Pattern, Term], ...]]:
    by_form: dict[tuple[str, str], list[Term]] = {}  # (category, form) -> terms
    for t in terms:
        for f in t.forms:
            if t not in by_form.setdefault((t.category, f), []):
                by_form[(t.category, f)].append(t)
    literal = []
    for cat in sorted({c for c, _ in by_form}):  # one alternation per category: longest form first
        alts = sorted((f for c, f in by_form if c == cat), key=len, reverse=True)
        body = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in alts)
        literal.append((cat, re.compile(rf"{_EDGE_L}(?:{body}){_EDGE_R}", re.I)))
    patterns = tuple((re.compile(rf"{_EDGE_L}(?:{p}){_EDGE_R}", re.I), t) for t in terms for p in t.patterns)
    return tuple(literal), by_form, patterns


def _fill(term: str, m: re.Match) -> str:
    """A pattern term's name with its named groups filled in ("{actor}-held" -> "Indian-held")."""

    def word(name: str) -> str:
        w = " ".join((m.group(name) or "").split())
        return w[:1].upper() + w[1:].lower() if w[:1].isupper() else w.lower()

    return re.sub(r"{(\w+)}", lambda g: word(g.group(1)), term)


def find(documents: list[Document], terms: tuple[Term, ...]) -> list[FramingHit]:
    """One hit per occurrence of a lexicon form or pattern in a document's cleaned text."""
    if not terms:
        return []
    literal, by_form, patterns = _pattern(terms)
    hits = []
    for d in documents:
        outlet = outlet_of(d)
        # candidates: (start, end, listed form?, term, canonical name); then leftmost-longest, no overlaps
        cands: list[tuple[int, int, bool, Term, str]] = []
        for cat, rx in literal:
            for m in rx.finditer(d.text):
                form = " ".join(m.group(0).lower().split())
                cands += [(m.start(), m.end(), True, t, t.term) for t in by_form.get((cat, form), ())]
        for rx, t in patterns:
            cands += [
                (m.start(), m.end(), False, t, _fill(t.term, m)) for m in rx.finditer(d.text) if m.end() > m.start()
            ]
        by_category: dict[str, list[tuple[int, int, bool, Term, str]]] = {}
        for c in cands:
            by_category.setdefault(c[3].category, []).append(c)
        for cat in sorted(by_category):  # each category is its own question: overlaps resolved within it
            group = sorted(by_category[cat], key=lambda c: (c[0], -(c[1] - c[0]), not c[2]))
            end, span, best_listed, seen = -1, None, False, set()
            for s, e, listed, t, name in group:
                if (
                    (s, e, t.group, name) in seen
                    or (s < end and (s, e) != span)
                    or ((s, e) == span and best_listed and not listed)
                ):
                    continue
                if (s, e) != span:
                    end, span, best_listed = e, (s, e), listed
                seen.add((s, e, t.group, name))
                hits.append(
                    FramingHit(
                        doc=d.id,
                        start=s,
                        end=e,
                        text=d.text[s:e],
                        category=t.category,
                        term=name,
                        group=t.group,
                        outlet=outlet,
                        stage=STAGE,
                    )
                )
    return hits


def framing_table(hits: list[FramingHit]) -> list[dict]:
    """Term choices by outlet: rows {category, group, term, outlet, count}, sorted."""
    counts = Counter((h.category, h.group, h.term, h.outlet or "unknown outlet") for h in hits)
    return [
        {"category": c, "group": g, "term": t, "outlet": o, "count": n} for (c, g, t, o), n in sorted(counts.items())
    ]


def officials_by_outlet(quotes: list[Claim], entities: list[Entity], documents: list[Document]) -> list[dict]:
    """Whose officials each outlet quotes: rows {outlet, speaker, name, affiliation, country, count}.

    Quotes without a resolved speaker entity are counted under their ``speaker_text``."""
    by_id = {d.id: d for d in documents}
    ents = {e.id: e for e in entities}
    counts: Counter = Counter()
    for q in quotes:
        if not isinstance(q, QuoteClaim):
            continue
        e = ents.get(q.speaker or "")
        name = e.name if e else (q.speaker_text or "unattributed")
        attrs = e.attrs if e else {}
        affiliation = attrs.get("affiliation") or attrs.get("org") or attrs.get("role")
        counts[(outlet_of(by_id.get(q.doc)), q.speaker if e else None, name, affiliation, attrs.get("country"))] += 1
    return [
        {"outlet": o, "speaker": s, "name": n, "affiliation": a, "country": c, "count": k}
        for (o, s, n, a, c), k in sorted(counts.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][2]))
    ]
