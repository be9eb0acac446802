"""Faster stand-ins for two rule-based steps of a spaCy pipeline, with the same annotations.

Rashomon's pipeline (:func:`rashomon.nlp.pipeline`) runs these; the bare model
(:func:`rashomon.nlp.load`) keeps spaCy's own. Every token gets the part of speech, morphology
and lemma the bare model gives it (``tests/test_nlp.py`` compares the two token by token).

* The attribute ruler (tag -> part of speech and morphology, plus exceptions for some words) finds
  its matches with spaCy's general ``Matcher``, a state machine stepped over every token for each of
  its patterns (about 180 in ``en_core_web_sm``): about a sixth of the model's time. Those patterns are
  one or two tokens long, and each token's test reads its ``TAG``, ``LOWER``, ``DEP`` and ``IS_SPACE``
  (equal to, ``IN``, ``NOT_IN``, ``REGEX``); so the patterns that match at a token follow from those
  four values, and the next token's. :func:`install` gives the ruler a matcher that looks them up per
  combination of values (each tested once, then remembered) and yields the matches spaCy's would,
  in the order the ruler sorts them; the ruler applies them itself, as before. A ruler with a pattern
  of any other kind keeps spaCy's matcher.
* The rule lemmatizer remembers a lemma by (text, part of speech, morphology), which are all it
  reads; spaCy's own cache covers only the words an inflection rule applied to.

Both memories are bounded (:data:`LIMIT` entries each; emptied when full).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

LIMIT = 100_000  # entries per memory (about 10 MB at most)
_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}  # what a ruler pattern may test, as to_array reads it
_Test = tuple[int, str, Any]  # (column, "in" | "not_in" | "regex", the set of values or the compiled regex)


class _Unsupported(Exception):
    """A ruler pattern this matcher does not read: the ruler keeps spaCy's."""


class RulerMatcher:
    """The matches of an ``AttributeRuler``'s patterns in a ``Doc``, as ``AttributeRuler.match`` returns
    them: ``(pattern number, match id, start, end)``, sorted."""

    def __init__(self, ruler: Any) -> None:
        strings = ruler.vocab.strings
        self.strings = strings
        self.one: list[tuple[int, int, list[_Test]]] = []  # (pattern number, match id, the token's tests)
        self.two: list[tuple[int, int, list[_Test], list[_Test]]] = []
        for number, entry in enumerate(ruler.patterns):
            match_id = strings[str(number)]  # the key AttributeRuler.add gives the pattern's matches
            for pattern in entry["patterns"]:
                tests = [self._tests(token) for token in pattern]
                if len(tests) == 1:
                    self.one.append((number, match_id, tests[0]))
                elif len(tests) == 2:
                    self.two.append((number, match_id, tests[0], tests[1]))
                else:
                    raise _Unsupported(f"a pattern of {len(tests)} tokens")
        # a token's LOWER matters only as one of the words the tests name, or through the regexes it
        # matches: a word named nowhere is read as the regexes it matches (so the memory of value
        # combinations stays small however large the vocabulary)
        tests_all = [t for _, _, ts in self.one for t in ts] + [t for *_, a, b in self.two for t in a + b]
        self.named = frozenset(v for c, op, arg in tests_all if c == _COLUMNS["LOWER"] and op != "regex" for v in arg)
        self.regexes = [arg for c, op, arg in tests_all if op == "regex"]
        if any(c != _COLUMNS["LOWER"] for c, op, _ in tests_all if op == "regex"):
            raise _Unsupported("a regex on another attribute than LOWER")
        self.classes: dict[int, tuple[bool, ...]] = {}  # LOWER of a word named nowhere -> regexes matched
        self._shared: dict[tuple[bool, ...], tuple[bool, ...]] = {}
        self.memory: dict[tuple, tuple[tuple, tuple]] = {}

    def _tests(self, token: dict) -> list[_Test]:
        tests: list[_Test] = []
        for key, value in token.items():
            if key not in _COLUMNS:
                raise _Unsupported(f"a test of {key}")
            column = _COLUMNS[key]
            if isinstance(value, dict):
                if len(value) != 1:
                    raise _Unsupported(f"{value!r}")
                ((op, arg),) = value.items()
                if op == "REGEX" and isinstance(arg, str):
                    tests.append((column, "regex", re.compile(arg)))
                elif op in ("IN", "NOT_IN") and isinstance(arg, list):
                    tests.append((column, op.lower(), frozenset(self._value(key, v) for v in arg)))
                else:
                    raise _Unsupported(f"{op} {arg!r}")
            else:
                tests.append((column, "in", frozenset([self._value(key, value)])))
        return tests

    def _value(self, key: str, value: Any) -> int:
        if key == "IS_SPACE":
            if not isinstance(value, bool):
                raise _Unsupported(f"IS_SPACE {value!r}")
            return int(value)
        if not isinstance(value, str):
            raise _Unsupported(f"{key} {value!r}")
        return int(self.strings.add(value))

    def _passes(self, tests: list[_Test], row: tuple[int, ...]) -> bool:
        for column, op, arg in tests:
            value = row[column]
            if op == "in":
                if value not in arg:
                    return False
            elif op == "not_in":
                if value in arg:
                    return False
            elif not arg.search(self.strings[value]):
                return False
        return True

    def _at(self, row: tuple[int, ...]) -> tuple[tuple, tuple]:
        """(the one-token patterns matching a token of these values, the two-token patterns whose first
        token matches it)."""
        key = self._key(row)
        found = self.memory.get(key)
        if found is None:
            if len(self.memory) >= LIMIT:
                self.memory.clear()
            one = tuple((n, m) for n, m, tests in self.one if self._passes(tests, row))
            two = tuple((n, m, second) for n, m, first, second in self.two if self._passes(first, row))
            found = self.memory[key] = (one, two)
        return found

    def _key(self, row: tuple[int, ...]) -> tuple:
        """The values of ``row`` the tests can tell apart (its LOWER as its class when no test names it)."""
        lower = row[1]
        if lower in self.named:
            return row
        found = self.classes.get(lower)
        if found is None:
            if len(self.classes) >= LIMIT:
                self.classes.clear()
            text = self.strings[lower]
            matched = tuple(bool(rx.search(text)) for rx in self.regexes)
            found = self.classes[lower] = self._shared.setdefault(matched, matched)
        return (row[0], found, row[2], row[3])

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        rows = [tuple(r) for r in doc.to_array(list(_COLUMNS)).tolist()]
        matches = []
        for i, row in enumerate(rows):
            one, two = self._at(row)
            for number, match_id in one:
                matches.append((number, match_id, i, i + 1))
            for number, match_id, second in two:
                if i + 1 < len(rows) and self._passes(second, rows[i + 1]):
                    matches.append((number, match_id, i, i + 2))
        matches.sort()
        return matches


def _remembering(lemmatize: Callable[[Any], list[str]]) -> Callable[[Any], list[str]]:
    memory: dict[tuple[int, int, int], list[str]] = {}

    def lemmas(token: Any) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        found = memory.get(key)
        if found is None:
            if len(memory) >= LIMIT:
                memory.clear()
            found = memory[key] = lemmatize(token)
        return found

    return lemmas


def install(nlp: Language) -> Language:
    """Give ``nlp``'s attribute ruler and rule (or lookup) lemmatizer the faster steps, where it has them."""
    pipe: Any
    for _, pipe in nlp.pipeline:
        if type(pipe).__name__ == "AttributeRuler" and callable(getattr(pipe, "match", None)):
            with contextlib.suppress(_Unsupported):  # (then it keeps spaCy's matcher)
                pipe.match = RulerMatcher(pipe)  # AttributeRuler.__call__ applies what self.match returns
        elif getattr(pipe, "mode", None) in ("rule", "lookup") and callable(getattr(pipe, "lemmatize", None)):
            pipe.lemmatize = _remembering(pipe.lemmatize)  # Lemmatizer.__call__ reads self.lemmatize
    return nlp
