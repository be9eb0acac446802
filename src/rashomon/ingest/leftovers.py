"""What a leftover line looks like: the line shapes :mod:`.clean` removes, one pattern per rule.

Scrapers leave a page's furniture in the text they extract: date stamps, bylines, share and
sign-in prompts, photo credits, "Related" link lists, contact lines. These patterns describe such
a line *by its shape* (a label, a run of interface words, a stamp, a credit in brackets), not by
any outlet's wording; :mod:`.clean` decides where in the text each may be applied (the head, the
tail, or anywhere) and records what it removed. Each pattern matches a whole block (a non-blank
line) unless its name says *prefix* or *suffix*. Every pattern is linear in the line: no nested
quantifiers over the same characters (the hostile-input tests time them).
"""

from __future__ import annotations

import re

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
DATE = (
    rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}"
    rf"|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}})"
)
# (the zone in capitals and a word of its own, though the stamps match case-blind: "6:53 PM  Created" has none)
_CLOCK = r"\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*\(?(?-i:[A-Z]{2,5})\b\)?)?"
_TIME = rf"(?:,?\s*(?:at\s+|-\s+)?{_CLOCK})?"
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_STAMP_LABEL = r"(?:date|dated|published|posted|updated|last\s+updated|first\s+published|created|modified)"
DATE_PREFIX = re.compile(
    rf"^\s*(?:{_STAMP_LABEL}(?:\s+on)?\s*[:\-]?\s*)?{_WEEKDAY}({DATE}){_TIME}\s*(?:[|\-–—]\s*)?",
    re.I,
)
LABELLED = re.compile(rf"^\s*{_STAMP_LABEL}\b", re.I)

# A labelled stamp: "Posted: Tuesday, January 28, 2014 8:18 PM EST", "Updated 2:05 PM, May 26, 2015",
# "Updated: 3 months ago". A head line may end in one or more of them after its headline
# (STAMP_SUFFIX), or be nothing else (STAMP_LINE, which also takes a site name or a ", by ..."
# credit after the stamps).
_STAMP = (
    rf"(?:{_STAMP_LABEL})\s*(?::\s*)?(?:on\s+)?(?:{_CLOCK},?\s+)?{_WEEKDAY}(?:{DATE}{_TIME}|\d{{1,3}}\s+"
    r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago)"
)
STAMP_SUFFIX = re.compile(rf"\s(?:{_STAMP}[\s|,;-]*){{1,4}}$", re.I)
STAMP_LINE = re.compile(
    rf"^\(?(?:{_STAMP}[\s|,;-]*){{1,4}}\)?(?:\s*[\w-]+\.(?:com|net|org|tv)|,\s+by\s+[^.]{{1,80}})?$",
    re.I,
)
CLOCK_LINE = re.compile(rf"^@?\s*{_CLOCK}$")  # "7:05 PM" alone: a stamp at the head, a timeline entry further down

# A name word is never the word "and", and "and" joins names only as a word of its own: each word
# of a line can then be read one way only, so matching is linear (when "and" could also be a name
# word, or a separator inside a word, "By a and a and ... !" took time doubling with every word).
_BY_NAME = r"(?!and\b)[A-Z][\w.'’-]*"
BYLINE = re.compile(
    rf"^by:?\s+({_BY_NAME}(?:\s+(?:{_BY_NAME}|de|da|van|von|der|bin|al|la|le|du)){{0,4}}"
    rf"(?:\s*(?:,|&|\band\b)\s*{_BY_NAME}(?:\s+{_BY_NAME}){{0,4}})*)"
    r"(?:\s*(?:[,|·•–—-]|\bin\b)\s*.{0,80})?$",
    re.I,
)

# Link lists: a header ("Related", "Must Read", "More coverage on example.com:") and the teaser
# headlines under it; or one line that is a label and a headline ("RELATED: ...").
_SITE = r"(?:[^\s.]+(?:\.[^\s.]+)*)"  # a word or a domain name: dots only between letters
LINK_HEADER = re.compile(
    rf"^[\s*>]*(?:must[-\s]reads?|also|inside\s+{_SITE}|related(?:\s+(?:articles?|stories|story|news|posts|content|coverage|reading|topics|"
    r"links|videos?))?|also\s+read|read\s+(?:more|also|next)|see\s+also|"
    rf"(?:read\s+)?more\s+(?:top\s+|trending\s+|local\s+)*(?:from|on|stories|news|in|coverage|videos?)\b(?:\s+{_SITE}){{0,5}}|"
    rf"also\s+on\s+{_SITE}(?:\s+{_SITE})?|continuing\s+coverage|complete\s+coverage|"
    r"recommended(?:\s+(?:for\s+you|stories|articles|reading))?|you\s+(?:may|might)\s+(?:also\s+)?"
    r"(?:like|enjoy|be\s+interested\s+in)|popular(?:\s+(?:now|stories|posts))?|most\s+(?:read|popular|viewed|shared)|"
    r"trending(?:\s+now)?|top\s+stories|latest(?:\s+news)?|don'?t\s+miss|what\s+to\s+read\s+next|"
    r"editor'?s\s+picks?|further\s+reading)\s*[:>»|.\-–—(\d)]*\s*\**$",
    re.I,
)
# a header that can only head other stories' teasers, however long each teaser runs ("More stories you may like on
# 7News", then headlines with their first lines)
TEASER_HEADER = re.compile(
    r"^[\s*>]*(?:more\s+)?(?:stories\s+)?(?:you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy)\b|recommended\s+for\s+you"
    r"|what\s+to\s+read\s+next)",
    re.I,
)
INLINE_TEASER = re.compile(
    r"^[+•>]*\s*(?:also\s+read|read\s+(?:more|also)|related(?:\s+(?:story|stories|video|coverage|content|links?|articles?))?|"
    r"see\s+also|must\s+read|recommended|previous\s+(?:story|coverage)|continuing\s+coverage|more\s+coverage|"
    r"read)\s*[:|»>\-–—]\s*\S|"
    r"^related\s+coverage\s+\S|^more\s*:\s*\S|^\[\s*(?:other\s+news|related|more|read\s+more)\s*:[^\]]{1,150}\]$|^\*\*\s*more\s+on\b.{1,80}\bhere\s*\*\*$|^complete\s+coverage\s+of\b",
    re.I,
)

COPYRIGHT = re.compile(
    r"^\(?\s*(?:©|\(c\)\s|copyright\b)|all rights reserved|may not be (?:re)?published,\s+broadcast|"
    r"^this material may not be",
    re.I,
)
_NOTICE = re.compile(r"\b(?:19|20)\d\d\b|rights\s+reserved|may\s+not\s+be", re.I)  # not a captioned "© Name ..."
# Lines at the end of a story: (rule, pattern); a line must also be at most 60 words.
_NAME_I = r"(?-i:[A-Z][\w.'’-]+)"  # a capitalised word even inside a case-blind pattern
TAIL = [
    (
        "contact",
        re.compile(
            r"^(?:e-?mail|contact|tel(?:ephone)?|phone|fax|whatsapp|twitter|x)\b\s*[:.@]|"
            r"can be (?:reached|contacted|emailed) (?:at|on|via)|"
            r"^(?:send|email)\s+(?:us\s+)?(?:your\s+)?(?:tips|feedback|letters|comments)|"
            rf"^contact\s+{_NAME_I}(?:\s+{_NAME_I}){{0,3}}\s*:|^reach\s+{_NAME_I}(?:\s+{_NAME_I}){{0,3}}\s+at\b|"
            r"^(?:to\s+)?contact\s+(?:the\s+)?(?:writer|reporter|author)\b|"
            rf"^{_NAME_I}(?:\s+{_NAME_I}){{0,3}}\s*[:|•]\s*(?:\S+@\S+\.\w+|\(?\d{{3}}\)?[\s.-]?\d{{3}})|"
            r"^[\w.+-]+@[\w.-]+\.\w+\b.{0,80}$|^\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}$|^(?:https?://|www\.)\S+$|^@\S+$",
            re.I,
        ),
    ),
    (
        "social",
        re.compile(
            r"^(?:follow|like|join|find)\s+(?:us|me|@\w+|the\s+\w+(?:\s+\w+)?)\s+(?:on|at)\b|"
            r"^follow\s+\S+\s*:|^(?:share|tweet|pin)\s+(?:this|on|via)\b|^(?:click|tap)\s+(?:here|on\s+the)\b|"
            r"^(?:subscribe|sign\s+up)\b|^download\s+(?:the|our)\s+\w*\s*app|"
            r"^(?:read\s+or\s+)?share\s+this\s+(?:story|article)\s*:|^follow\s+@\w+$|^subscribe\s*:|"
            r"^(?:follow|like|join|find|connect\s+with)\b.{0,60}\b(?:on|at)\s+(?:the\s+\S+\s+)?(?:facebook|twitter|instagram|youtube)\b",
            re.I,
        ),
    ),
    (
        "credit",
        re.compile(
            r"^\((?:additional\s+)?(?:reporting|writing|editing|compiled|compiled)\b.*\)$|"
            r"^[—–-]{1,2}\s*[A-Z][\w&.]*(?:\s+[A-Z][\w&.]*){0,3}$|"
            r"^[^.]{3,120}\bcontributed(?:\s+(?:reporting|to\s+(?:this|the)\s+(?:report|story|article)))?\.?$|"
            r"^(?:contributing|information\s+from|source)\s*:\s*\S|^from\s+(?:staff\s+and\s+)?(?:staff|wire)\s+reports\.?$",
            re.I,
        ),
    ),
    (
        "author_bio",
        re.compile(
            r"^[*—–-]*\s*(?:the\s+)?(?:writer|author|columnist|contributor|reporter)s?\s+(?:is|are|was|has|have|"
            r"teaches|works|heads|writes|can)\b|"
            # a capitalised name (case-sensitive: "Family members said X was a student" is not a bio)
            rf"^{_NAME_I}(?:\s+{_NAME_I}){{1,3}}\s+is\s+(?:an?|the)\s+[^.]{{0,80}}?\b(?:researcher|"
            r"journalist|correspondent|writer|professor|analyst|columnist|editor|fellow|lecturer|reporter|"
            r"scholar|author|consultant|contributor)\b",
            re.I,
        ),
    ),
    (
        "promo",  # the outlet's notes on its own coverage, not news: "Check back for updates."
        re.compile(
            r"^(?:please\s+)?check\s+back\b|^stay\s+(?:tuned|with)\b|"
            r"\b(?:will|['’]ll)\s+(?:continue\s+to\s+)?update\s+(?:this|the)\s+(?:story|article|report)\b|"
            r"^we\s+are\s+working\s+to\s+(?:gather|get|learn)\s+more\b|"
            r"\bwill\s+(?:keep\s+you\s+updated|have\s+more\s+(?:information|details))\b|"
            r"\b(?:updated|update\s+this\s+story)\s+(?:as|when)\s+(?:more\s+|new\s+)?(?:information|details)\b|"
            r"^[—–-]*\s*(?:please\s+)?(?:return\s+to|refresh)\s+.{0,40}?\bfor\s+(?:updates|more|the\s+latest)\b|"
            r"^(?:this|it)\s+is\s+an?\s+(?:developing|breaking)\s+(?:news\s+)?story\b|^this\s+story\s+is\s+developing\b|"
            r"^for\s+more\s+(?:local\s+|neighborhood\s+)?news\b|\bhas\s+a\s+crew\s+on\s+the\s+way\b",
            re.I,
        ),
    ),
]

# Captions and photo credits: a labelled line ("Photo: ...", "Image 3 of 12 ...", "Buy Photo ...",
# "... (Photo: Jane Doe)"), or a bare credit ("Getty Images", "Courtesy of KXYZ").
CAPTION_LABEL = re.compile(
    r"^[>\[]*\s*(?:photos?|images?|pictures?|file\s+photo|caption|credits?|video|watch)\s*[:|—–-]|\bphoto\s+credit\s*:|"
    r"^(?:photo|image)\s+(?:credit|courtesy)\b|^image\s+\d+\s+of\s+\d+\b|^buy\s+photo\b|"
    r"\((?:photo|file|image|picture|source|courtesy|credit)\b[^)]*\)\.?$|\((?:[^()]{0,40}\b)?(?:photo|staff|file)\b[^()]{0,40}\)$|"
    r"(?:/|via|©)\s*(?:getty\s+images|afp|reuters|ap\s+photo|shutterstock)\b|"
    r"^(?:getty\s+images|featured\s+image\s+via\b.*|\w+\s+courtesy\s+of\s+\w+)$",
    re.I,
)

# The page's interface: share and print buttons, sign-in and newsletter dialogs, video players.
# A line of nothing but interface words ...
_UI_WORD = (
    r"(?:share(?:\s+this(?:\s+(?:story|article))?)?|print|e-?mail|close|more|next|previous|prev|comments?|reply|"
    r"tweet|save|copy|link|embed|facebook|twitter|google(?:\s*plus)?|pinterest|linkedin|"
    r"reddit|whatsapp|tumblr|stumbleupon|instagram|youtube|sms|text\s+size|a|advertisement|sponsored(?:\s+content)?|"
    r"loading|play|replay|autoplay|pocket|watch|videos?|photos?|mobile|free\s+apps?|now|up\s+next|(?:show|hide)\s+transcript|done|like(?:\s+this)?)"
)
UI_ONLY = re.compile(rf"^(?:[\s:|·•,/.…+-]*{_UI_WORD}\b)+[\s:|·•,/.…+-]*$", re.I)
# ... or a line that only an interface says (a dialog, a prompt, a player message).
UI_LINE = re.compile(
    r"\b(?:enable|requires?|turn\s+on)\s+javascript\b|\bjavascript\s+(?:is\s+)?(?:disabled|required)\b|"
    r"\bsign\s+in\s+(?:using|with|to)\b|\bplease\s+(?:sign|log)\s+in\b|^welcome\s+back\b|"
    r"\balready\s+(?:have\s+an\s+account|a\s+(?:subscriber|member)|registered)\b|"
    r"\bthank\s+you\s+for\s+(?:registering|signing\s+up|subscribing)\b|\bverification\s+(?:email|message)\b|"
    r"\bconfirmation\s+email\b|\byour\s+notification\b|^(?:close\s+)?get\s+email\s+notifications\b|"
    r"^email\s+notifications\s+are\b|\be-?mail\s+newsletters?\b|"
    r"\bsign\s+up\s+for\s+(?:one\s+of\s+)?our\b|\byou\s+must\s+enter\s+the\s+characters\b|"
    r"\b(?:video|content)\s+is\s+no\s+longer\s+available\b|\bslideshow\s+requires\b|"
    r"\byou\s+are\s+the\s+owner\s+of\s+this\b|\{\*[^}]{0,80}\*\}|\bwhy\s+are\s+we\s+asking\b|"
    r"\b(?:terms\s+of\s+(?:service|use)|privacy\s+policy)\b.{0,40}$|\bwanted\s+you\s+to\s+see\s+this\b|"
    r"\b\d+\s+pending\s+comments?\b|^please\s+leave\s+your\s+comments?\b|^report\s+(?:a\s+typo|an\s+error)\b|"
    r"\biphone\s*\|\s*(?:ipad\s*\|\s*)?android\b|\brss\s+feeds?\b|\bon\s+demand\s*:|"
    r"^text\s+\W?\w+\W?\s+to\s+\d+\b|^just\s+one\s+more\s+thing\b|\bpreview\s+of\s+\S+\.com\b|"
    r"\bfree\s+for\s+\d+\s+days\b|\bautoplay\b|^(?:more\s+videos|page|image)\s*\(?\d+\s+of\s+\d+\)?$|"
    r"\b(?:facebook|twitter)\s*\|\s*(?:facebook|twitter|instagram|google)\b|^link\s+to\s+this\s+(?:video|story|article)\b|"
    r"^click\s+here\s+to\s+(?:read|watch|see|view|download|subscribe|sign)\b|\bclick\s+here\s+to\s+download\b|\bdownload\s+our\s+(?:free\s+)?apps?\b|\bad[-\s]?block|\bcontinue\s+reading\b|"
    r"\bposts\s+new\s+content\b|\bonly\s+available\s+(?:to\s+subscribers|from\s+the\s+.{1,40}\barchives)\b|"
    r"^watch\s+(?:the\s+)?(?:story|video|report)\.?$|\bin\s+a\s+larger\s+map\b|"
    r"\bset\s+up\s+your\s+account\b|\blook\s+forward\s+to\s+seeing\s+you\s+on\b",
    re.I,
)
PLAYLIST_ITEM = re.compile(r"^\d{1,2}:\d{2}\s+\S")  # "2:31 Police search for suspect": a video list, 3+ in a row
SEPARATOR = re.compile(r"^[\W_]+$")  # a line with no letter or digit: "___", "###", "* * *"


_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s")
_SHORT = 400  # characters: the longest line a line-shape pattern is tried on (a dialog's text is short)


def interface(text: str) -> bool:
    """A line the page's interface put there: at most 40 words."""
    if len(text) > _SHORT or len(text.split()) > 40:
        return False
    return bool(UI_ONLY.match(text) or UI_LINE.search(text) or SEPARATOR.match(text))


def link_header(text: str) -> bool:
    """The header of a link list: "Related", "Must Read", "More coverage on example.com:"."""
    return len(text) <= 120 and bool(LINK_HEADER.match(text))


def tail_rule(text: str) -> str | None:
    """The rule a line at the end of a story falls under, if any (at most 60 words)."""
    if len(text) > 2 * _SHORT or len(text.split()) > 60:
        return None
    if copyright_line(text):
        return "copyright"
    for name, rx in TAIL:
        m = rx.search(text)
        # a note on the coverage must open its line or follow a sentence that is one too
        if m and (name != "promo" or not _SENTENCE_END.search(text, 0, m.start()) or rx.match(text)):
            return name
    return None


def copyright_line(text: str) -> bool:
    """A copyright notice, wherever it stands: "(c) 2016 ...", "... All rights reserved."."""
    if len(text) > _SHORT or not COPYRIGHT.search(text):
        return False
    # a year or "rights reserved"; else a short label ("Copyright CNN"), not a captioned "© Name was ..."
    return bool(_NOTICE.search(text)) or len(text.split()) <= 8 and not text.endswith(".")


def stamp_line(text: str) -> bool:
    """A line that is only a date or time stamp: "Updated: March 4, 2015 7:05 PM EST", "7:05 PM"."""
    return len(text) <= _SHORT and bool(STAMP_LINE.match(text))


def stamp_suffix(text: str) -> int | None:
    """Where the stamps that end a head line begin ("Headline Posted: ... Updated: ..."), if any."""
    if len(text) > _SHORT:
        return None
    m = STAMP_SUFFIX.search(text)
    return m.start() + 1 if m else None


_GALLERY = re.compile(r"^image\s+\d+\s+of\s*/?\s*\d+\b", re.I)  # a photo gallery's captions, run together


def gallery_caption(text: str) -> str | None:
    """What a gallery's caption line says ("Image 3 of 12 Police at the scene ...": "Police at the
    scene ..."), when it says something (eight words or more); else None."""
    m = _GALLERY.match(text)
    rest = text[m.end() :].strip() if m else ""
    return rest if len(rest.split()) >= 8 else None


def caption_label(text: str) -> bool:
    """A labelled caption or photo credit, at most 40 words; or a gallery's captions, however long."""
    if _GALLERY.match(text):
        return True
    return len(text) <= _SHORT and len(text.split()) <= 40 and bool(CAPTION_LABEL.search(text))
