"""The words the cross-source linker knows: predicate classes ("kill": killed, dead, slain, ...), counted
things ("people", "settlement", "territory", "duration"), sub-categories of people (civilians, combatants,
...) and the casualty measures. They seed what a claim measures (:mod:`.link`, :mod:`.measures`); a verb
or noun they do not know keys a claim by its lemma instead.
"""

from __future__ import annotations

import re

# vocabulary tables, kept one compact block each (not reformatted)
# fmt: off
PREDICATES: dict[str, tuple[str, ...]] = {
    "kill": ("kill", "kills", "killed", "killing", "dead", "death", "deaths", "die", "died", "dies", "dying",
             "toll", "fatalities", "fatality", "perished", "slain", "lost their lives", "lives were lost",
             "fatal shooting", "fatally shot", "shot and killed", "shot to death"),
    "injure": ("injure", "injured", "injuring", "injuries", "wound", "wounded", "wounding", "hurt"),
    "capture": ("capture", "captured", "captures", "capturing", "seize", "seized", "seizes", "seizing",
                "take", "took", "taken", "takes", "retake", "retook", "retaken", "liberate", "liberated",
                "liberates", "liberating", "overran", "overrun", "occupied", "recaptured", "recapture",
                # a change of control is a capture ("regained control of more than 300 settlements")
                "regained control", "regain control", "regains control", "regaining control", "took control",
                "take control", "taken control", "seized control", "gained control", "retook control"),
    "control": ("control", "controls", "controlled", "controlling", "holds", "hold"),
    "siege": ("siege", "besiege", "besieged", "besieging", "blockade", "blockaded"),
    "displace": ("displace", "displaced", "fled", "flee", "fleeing", "evacuated", "evacuate", "refugees",
                 "homeless"),
    "arrest": ("arrest", "arrested", "arrests", "detain", "detained", "detention", "detainees"),
    "shoot": ("shoot", "shot", "shoots", "shooting"),
    "vote": ("vote", "votes", "voted", "ballots", "turnout"),
    # verbs only: "20,000 protesters" counts a thing of its own, whatever they did
    "protest": ("march", "marched", "marching", "protested", "protesting", "demonstrated", "rallied",
                "took to the streets", "take to the streets", "taking to the streets", "takes to the streets"),
}
THINGS: dict[str, tuple[str, ...]] = {
    "people": ("people", "person", "persons", "residents", "inhabitants", "individuals", "victims", "others",
               "civilians", "civilian", "children", "child", "soldiers", "soldier", "troops", "servicemen",
               "fighters", "militants", "rebels", "women", "men", "police", "officers", "journalists",
               "dead", "bodies", "patients", "migrants", "refugees", "death", "deaths", "fatalities", "fatality",
               "boys", "girls", "teens", "teenagers", "adults", "juveniles", "students"),
    # one person described ("One victim was deceased when officers arrived", "a man was shot"): never compared
    # with a count of people; the reading ends at the noun, not at the officers after it
    "individual": ("victim", "man", "woman", "resident", "individual", "patient", "boy", "girl", "teen", "teenager",
                   "adult", "juvenile", "student"),
    "settlement": ("village", "villages", "town", "towns", "hamlet", "hamlets", "settlement", "settlements",
                   "localities", "locality", "communities"),
    "territory": ("territory", "territories", "region", "land", "area", "country", "valley", "province",
                  "district", "square kilometres", "square kilometers", "sq km", "km2", "hectares"),
    "duration": ("day", "days", "week", "weeks", "month", "months", "hour", "hours", "year", "years"),
}
# things that are people: a group counted, one person described, or some of a group ("three of the victims",
# "the other two victims": :func:`.link.facet` reads them; each part is its own, never compared)
PERSONS = ("people", "individual", "part")
# a sub-category of "people" is a different scope from "people" as a whole
SUBCATEGORY: dict[str, str] = {w: c for c, ws in {
    "civilians": ("civilians", "civilian"), "children": ("children", "child"),
    "combatants": ("soldiers", "soldier", "troops", "servicemen", "fighters", "militants", "rebels", "police",
                   "officers", "military"),
    "women": ("women",), "journalists": ("journalists",), "adults": ("adults",),
    "minors": ("boys", "girls", "teens", "teenagers", "juveniles"), "students": ("students",),
}.items() for w in ws}
DAYS_PER = {"day": 1, "week": 7, "month": 30.4, "hour": 1 / 24, "year": 365.25}
CASUALTY = ("kill", "injure")
# the predicate class of a casualty measure (:class:`~rashomon.records.CasualtyClaim`): the casualty reader
# knows whose harm a number counts ("one man died and four others were injured": the four were injured)
HARM_CLASS = {"killed": "kill", "injured": "injure", "shot": "shoot"}
TAKE = ("take", "took", "taken", "takes")  # capture forms that say it of people only with CAPTIVE
CAPTIVE = re.compile(r"(?i)\b(?:hostages?|captives?|captive|prisoners?)\b")
# fmt: on
