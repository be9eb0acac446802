"""Who and where a claim's sentence names: the corpus's entity mentions looked up by span, and whose age a
figure is (the person it stands in apposition to, or the one an "N-year-old" names right after it).

:class:`MentionIndex` is built once per corpus pass from the entities and serves the quantity linker
(:mod:`.link`) and the statement linker (:mod:`.statements`).
"""

from __future__ import annotations

import re

from ..extract.casualty_people import PEOPLE_PATTERN
from ..records import Entity

# fmt: off
AGE_TO_NAME_MAX = 25  # characters between an age and the name of its person after it (see person_aged)
# "Ilse Marren, a 37-year-old", "Jane Doe, 37", "Tom Tennant and Bill Hakim, both 51", "Jane Doe (37)"
APPOSITION = re.compile(r"(?:,\s*(?:an?\s+|the\s+|both\s+|aged?\s+)?|\s*\(\s*)")
# "37-year-old Capt. Tom Tennant": only the age's own words and titles between it and the name
AGE_TO_NAME = re.compile(r"(?:-?\s*(?:years?|yrs?))?(?:[\s-]*old)?\s+(?:(?:[A-Z][\w.'’-]*|state)\s+)*")
# an "N-year-old" right before a capitalised name: the age is that name's, not the one before it
AGE_OF_NAME = re.compile(r"(?:(?:[\s-]*(?:years?|yrs?))?[\s-]*old|(?<=old))\s+[A-Z][a-z]")
PERSON_NOUN = re.compile(rf"\s+(?:{PEOPLE_PATTERN})\b", re.I)
# fmt: on


class MentionIndex:
    """Entity ids (and place names) per document, looked up by character span."""

    def __init__(self, entities: list[Entity]):
        self.by_doc: dict[str, list[tuple[int, int, str, str, bool]]] = {}
        self.persons: dict[str, list[tuple[int, int, str]]] = {}
        self.names = {e.id: e.name for e in entities if e.type == "PERSON"}
        self.place_names: dict[tuple[str, str], str] = {}  # (document, a place as it writes it) -> the entity's name
        for e in entities:
            place = e.type == "GPE"
            for m in e.mentions:
                self.by_doc.setdefault(m.doc, []).append((m.start, m.end, e.id, e.name.lower(), place))
                if place:
                    self.place_names[(m.doc, m.text.strip().lower())] = e.name.lower()
                if e.type == "PERSON":
                    self.persons.setdefault(m.doc, []).append((m.start, m.end, e.id))

    def person_aged(self, doc: str, text: str, start: int, end: int) -> str | None:
        """Whose age the figure at ``start:end`` of ``text`` is: the person it stands in apposition to
        ("Jane Doe, 37,", "Ilse Marren, a 37-year-old pilot"), else the person an "N-year-old" names
        right after it ("the 37-year-old Ilse Marren"; not "a 16-year-old Kent boy", where the name
        is a place); None when neither."""
        people = self.persons.get(doc, ())
        before = [
            (start - e, eid) for _, e, eid in people if 0 <= start - e <= 8 and APPOSITION.fullmatch(text[e:start])
        ]
        if before and not AGE_OF_NAME.match(text, end):  # "her children Deontae, five-year-old Dakotta": Dakotta's
            return min(before)[1]
        for s, e, eid in sorted(p for p in people if 0 <= p[0] - end <= AGE_TO_NAME_MAX):
            if AGE_TO_NAME.fullmatch(text, end, s) and not PERSON_NOUN.match(text, e):
                return eid
        return None

    def people(self, doc: str, start: int, end: int) -> frozenset[str]:
        """The people named between ``start`` and ``end``."""
        return frozenset(eid for p, _, eid in self.persons.get(doc, ()) if start <= p < end)

    def place(self, doc: str, name: str) -> str:
        """The place ``name`` as the corpus names its entity ("Salonika" is Thessaloniki's), else as written."""
        return self.place_names.get((doc, name.strip().lower()), name.strip().lower())

    def within(self, doc: str, start: int, end: int) -> tuple[frozenset[str], frozenset[str]]:
        ids, places = set(), set()
        for s, e, eid, name, place in self.by_doc.get(doc, ()):
            if s < end and e > start:
                ids.add(eid)
                if place:
                    places.add(name)
        return frozenset(ids), frozenset(places)
