"""Dates as a person reads them: TIMEX-style codes (``199``, ``2024-FA``, ``2025-05-01TMO``,
``2025-W18``) turned into "1990s", "autumn 2024", "1 May 2025, morning", "week 18, 2025".

Only the pages use this: the stored values stay the codes (they sort and compare). A code
this module does not know is shown as it is, never guessed at.
"""

from __future__ import annotations

import datetime as dt
import re

from ..extract.timetag import MONTH_NAMES

SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
PARTS = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
REFS = {"PRESENT_REF": "now", "PAST_REF": "in the past", "FUTURE_REF": "in the future"}
_FULL = re.compile(r"^(\d{4}|XXXX)-(\d{2})-(\d{2})(?:T(?:(MO|MI|AF|EV|NI|DT)|(\d{2})(?::(\d{2}))?(?::[\d.]+)?))?$")


def _day(year: str, month: int, day: int) -> str:
    name = MONTH_NAMES[month - 1] if 1 <= month <= 12 else f"month {month}"
    return f"{day} {name}" + ("" if year == "XXXX" else f" {year}")


def human_date(code: str | None) -> str:
    """``code`` as words; the code itself when it is not a form this function knows."""
    value = (code or "").strip()
    if not value:
        return "undated"
    if value in REFS:
        return REFS[value]
    if re.fullmatch(r"\d{2}", value):
        return f"{int(value) + 1}th century"
    if re.fullmatch(r"\d{3}", value):
        return f"{value}0s"
    if re.fullmatch(r"\d{4}", value):
        return value
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        month = int(m.group(2))
        return f"{MONTH_NAMES[month - 1]} {m.group(1)}" if 1 <= month <= 12 else value
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        return f"{SEASONS[m.group(2)]} {m.group(1)}"
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        return f"Q{m.group(2)} {m.group(1)}"
    if m := re.fullmatch(r"(\d{4})-H([12])", value):
        return f"{'first' if m.group(2) == '1' else 'second'} half of {m.group(1)}"
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        try:
            monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return value
        return f"week of {monday.day} {MONTH_NAMES[monday.month - 1]} {monday.year}"
    if m := _FULL.match(value):
        day = _day(m.group(1), int(m.group(2)), int(m.group(3)))
        if m.group(4):
            return f"{day}, {PARTS[m.group(4)]}"
        if m.group(5):
            return f"{day}, {m.group(5)}:{m.group(6) or '00'}"
        return day
    return value


def human_day(value: dt.date) -> str:
    """A short axis label: "19 Apr"."""
    return f"{value.day} {MONTH_NAMES[value.month - 1][:3]}"
