"""The toll one report gives its incident: per measure (killed, injured), the figure and the claim behind it.

A report states its incident's toll first ("Four people were shot, one fatally"); later sentences name
some of the victims ("The man who died was 23"), or the toll of another event the report recalls. So
the figure of a measure is the report's first claim of it, with three corrections:

* a shooter who killed himself is told apart from the victims ("shot his wife and then turned the gun
  on himself", "... before taking his own life"): he is added to the first toll that does not count him;
* "no one else was hurt", "no other injuries" say that none were hurt *besides* those already told: they
  give 0 only when the report tells no one hurt;
* injured, when only "shot" is said, is those shot minus those killed ("Four people were shot, one
  fatally": 3 injured); when the shot are told apart from the dead ("Another man was also shot"), all of
  them.

A figure is ``(claim id, value, low, high)``: an exact value, or only a lower bound ("multiple people").
"""

from __future__ import annotations

import re

from ..records import CasualtyClaim

Figure = tuple[str, float | None, float | None, float | None]

SELF = re.compile(r"\b(?:himself|herself|own life)\b", re.I)
BESIDES = re.compile(r"\b(?:else|other|others|further|additional|more)\b", re.I)
END = re.compile(r"[.!?][\"'”’]?\s|\n")
ALSO = re.compile(r"\b(?:also|second|third)\b", re.I)


def _n(c: CasualtyClaim) -> float:
    return c.value if c.value is not None else c.low or 0.0


def _figure(c: CasualtyClaim, add: float = 0.0) -> Figure:
    if c.value is not None:
        return (c.id, c.value + add, None, None)
    return (c.id, None, (c.low or 0.0) + add, None)


def _killed(claims: list[CasualtyClaim], text: str) -> Figure | None:
    said = [c for c in claims if c.measure == "killed"]
    toll = next((c for c in said if not (c.value == 0 and BESIDES.search(c.who or ""))), None)
    if toll is None:
        return _figure(said[0]) if said else None
    if SELF.search(toll.text) or _n(toll) == 0:
        return _figure(toll)
    suicide = any(  # in the toll's own sentence: "killed his wife and then himself"
        SELF.search(c.text) and _n(c) == 1 and c.start >= toll.end and not END.search(text[toll.end : c.start])
        for c in said
    )
    return _figure(toll, 1.0 if suicide else 0.0)


def _injured(claims: list[CasualtyClaim], killed: Figure | None) -> Figure | None:
    hurt = [c for c in claims if c.measure == "injured" and not (c.value == 0 and BESIDES.search(c.who or ""))]
    if hurt:
        return _figure(hurt[0])
    shot = next((c for c in claims if c.measure == "shot"), None)
    if shot is not None:
        dead = 0.0 if killed is None or ALSO.search(shot.text) else killed[1] if killed[1] is not None else killed[2]
        left = max(_n(shot) - (dead or 0.0), 0.0)
        return (shot.id, left, None, None) if shot.value is not None else (shot.id, None, left, None)
    besides = next((c for c in claims if c.measure == "injured"), None)
    return _figure(besides) if besides is not None else None


def tally(claims: list[CasualtyClaim], text: str) -> dict[str, Figure]:
    """The report's figure per measure, from its casualty claims in text order and the ``text`` they index
    (see the module docstring)."""
    out: dict[str, Figure] = {}
    if (killed := _killed(claims, text)) is not None:
        out["killed"] = killed
    if (injured := _injured(claims, killed)) is not None:
        out["injured"] = injured
    return out
