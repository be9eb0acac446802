"""Document metadata: title, outlet, author, publication date (and how it was found), language.

What the format carried (a JSONL field, HTML meta tags) wins; the text is read only for
what is missing, and "unknown" (None) is preferred to a guess:

* title: the first line of the cleaned text when it reads like a headline (short, no
  final full stop, not a date);
* outlet: the URL's domain as a readable name ("www.harbour-gazette.co.uk" -> "Harbour
  Gazette"), else a wire credit: "VELMORA, May 2 (Wirenews) -" in the lede or a closing
  "— Wirenews" line. A dateline place ("VELMORA:") is never taken for an outlet;
* author: the "By ..." byline cleaning removed, else a "(Reporting by ...)" credit;
* published: a metadata date -> ``published_how="metadata"``, unless a date stamp heading the page gives
  an earlier day ("Updated: 08/26/2015 ... Created: 08/26/2015" on a page the scraper dated 2017: its
  crawl); else a date stamp that cleaning removed ("date 2020-03-04") or a dated dateline opening the
  lede -> ``"text"``, with the words it came from in ``published_evidence``;
* language: langdetect (seeded, so deterministic) on the first 2,000 characters.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from urllib.parse import urlsplit

from langdetect import DetectorFactory, LangDetectException, detect

from ..records import RawDocument, Removal
from .clean import BYLINE, DATE, DATE_PREFIX

DetectorFactory.seed = 0

_MONTHS = {
    m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)
}
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_YEAR = re.compile(r"^\s*(\d{4})\s*$")
_MDY = re.compile(r"([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_DMY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})")
_DOTTED = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
_WIRE_LEDE = re.compile(r"^[A-Z][A-Za-z .'’-]{1,40}(?:,[^()\n]{0,60})?\s*\(([A-Z][\w&.'’ -]{1,30})\)\s*[-—–:]")
_DATED_LEDE = re.compile(rf"^[A-Z][A-Z .'’-]{{1,40}}(?:,\s*[A-Z][\w .'’-]{{1,40}})?,\s*({DATE})")
_CREDIT_DASH = re.compile(r"^[—–-]{1,2}\s*(.+?)\s*$")
_REPORTING = re.compile(r"reporting by\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})", re.I)
_SUBDOMAINS = {"www", "m", "mobile", "amp", "edition", "en", "english", "news", "web"}
_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go"}


def parse_date(value: str | None) -> str | None:
    """A date as YYYY-MM-DD from ISO, "March 4, 2020", "4 March 2020", "04.03.2020"; else None."""
    if not value:
        return None
    value = str(value)
    m = _ISO.match(value)
    parts = None
    if m:
        parts = int(m[1]), int(m[2]), int(m[3])
    elif m := _MDY.search(value):
        parts = int(m[3]), _MONTHS.get(m[1].lower(), 0), int(m[2])
    elif m := _DMY.search(value):
        parts = int(m[3]), _MONTHS.get(m[2].lower(), 0), int(m[1])
    elif m := _DOTTED.search(value):  # day first, as most of the world writes it
        parts = int(m[3]), int(m[2]), int(m[1])
    if parts is None:
        return None
    try:
        return date(*parts).isoformat()
    except ValueError:
        return None


def stamped(texts: list[str]) -> tuple[str, str] | None:
    """(the earliest day, its stamp) of the head's removed date stamps; a slashed date only where one reading
    is possible ("08/26/2015"; not "08/10/2014", which is August or October)."""
    found = []
    for text in texts:
        for m in re.finditer(DATE, text, re.I):
            if (d := _DOTTED.fullmatch(m[0])) and int(d[1]) <= 12 and int(d[2]) <= 12 and d[1] != d[2]:
                continue
            # month first where the second part cannot be a month, as US pages write it
            day = parse_date(f"{d[2]}.{d[1]}.{d[3]}") if d and int(d[2]) > 12 else parse_date(m[0])
            if day:
                found.append((day, text.strip()))
    return min(found) if found else None


def outlet_from_url(url: str | None) -> str | None:
    """A readable outlet name from a URL's host ("news.example-times.com" -> "Example Times")."""
    if not url:
        return None
    host = (urlsplit(url if "://" in url else "//" + url).hostname or "").lower()
    labels = [x for x in host.split(".") if x]
    if len(labels) < 2 or labels[-1].isdigit():
        return None
    labels = labels[:-1]  # the top-level domain
    if len(labels) >= 2 and labels[-1] in _SECOND_LEVEL:
        labels = labels[:-1]
    while len(labels) > 1 and labels[0] in _SUBDOMAINS:
        labels = labels[1:]
    name = labels[-1]
    return " ".join(w.capitalize() for w in re.split(r"[-_]", name) if w) or None


def looks_like_headline(line: str) -> bool:
    n = len(line.split())
    return (
        2 <= n <= 30
        and len(line) <= 250
        and not line.rstrip().endswith(".")
        and DATE_PREFIX.match(line) is None
        and BYLINE.match(line) is None
    )


def language(text: str) -> str | None:
    sample = text[:2000]
    if len(re.findall(r"\w+", sample)) < 3:
        return None
    try:
        return detect(sample)
    except LangDetectException:
        return None


def describe(raw: RawDocument, cleaned: str, removed: tuple[Removal, ...]) -> dict[str, str | None]:
    """Title, outlet, author, published (+ how, evidence) and language of one document."""
    first = cleaned.split("\n", 1)[0].strip()
    title = raw.title or (first if looks_like_headline(first) else None)
    by_rule: dict[str, list[str]] = {}
    for r in removed:
        by_rule.setdefault(r.rule, []).append(r.text.strip())
    lede = next((line.strip() for line in cleaned.split("\n")[1 if title == first else 0 :] if line.strip()), "")
    outlet = raw.outlet or outlet_from_url(raw.url)
    if outlet is None:
        m = _WIRE_LEDE.match(lede)
        dash = [d for c in by_rule.get("credit", []) if (d := _CREDIT_DASH.match(c)) and not c.startswith("(")]
        outlet = m[1].strip() if m else (dash[-1][1] if dash else None)
    author = raw.author
    if author is None:
        for line in by_rule.get("byline", []):
            if m := BYLINE.match(line):
                author = m[1].strip()
                break
    if author is None:
        for line in by_rule.get("credit", []):
            if m := _REPORTING.search(line):
                author = m[1].strip()
                break
    published = parse_date(raw.published)
    how = evidence = None
    stamp = stamped(by_rule.get("dateline", []))
    if published and stamp and date.fromisoformat(stamp[0]) < date.fromisoformat(published) - timedelta(days=1):
        published, how, evidence = stamp[0], "text", f"{stamp[1]} (the page's own stamp; its metadata: {raw.published})"
    elif published:
        how, evidence = "metadata", raw.published
    else:
        candidates = by_rule.get("dateline", [])
        if m := _DATED_LEDE.match(lede):
            candidates = candidates + [m[0]]
        for text in candidates:
            m = re.search(DATE, text, re.I)
            if m and (published := parse_date(m[0])):
                how, evidence = "text", text
                break
    return {
        "title": title,
        "outlet": outlet,
        "author": author,
        "published": published,
        "published_how": how,
        "published_evidence": evidence,
        "language": language(cleaned),
    }
