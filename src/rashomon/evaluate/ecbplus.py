"""Reader for the ECB+ corpus (tokenised XML), shared by the entity and story evaluations.

ECB+ (Cybulska & Vossen 2014) ships one folder per topic (``1/`` … ``45/``), each holding
``<topic>_<n>ecb.xml`` and ``<topic>_<n>ecbplus.xml`` files: ``<token>`` elements (with
sentence numbers), then ``<Markables>`` (mentions anchored on token ids, plus instance
markables with an ``instance_id``) and ``<Relations>`` (``CROSS_DOC_COREF`` whose ``note``
is the corpus-wide instance id, ``INTRA_DOC_COREF`` inside one document).

``ecbplus`` files open with the source URL as sentence 0; the reader moves it to
``EcbDocument.url`` instead of the text. Tokens are detokenised into plain text (no space
before closing punctuation or after opening brackets) with a token -> char-offset map, so
gold mentions become character spans of the text our pipeline reads.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m|''|”|’)$", re.IGNORECASE)
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "“", "‘"}


@dataclass(frozen=True)
class GoldMention:
    id: str  # "<doc>:<m_id>"
    doc: str
    start: int
    end: int
    type: str  # HUMAN_PART_PER, LOC_GEO, ACTION_OCCURRENCE, ...
    cluster: str  # instance id (corpus-wide) or a per-document/singleton id


@dataclass(frozen=True)
class EcbDocument:
    id: str  # file stem, e.g. "3_7ecbplus"
    topic: str  # "3"
    subtopic: str  # "3" (ecb) or "3plus" (ecbplus): the two events ECB+ pairs per topic
    text: str
    url: str | None
    mentions: tuple[GoldMention, ...]


def _detokenise(tokens: list[tuple[str, int, str]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """(t_id, sentence, text) tokens -> text and {t_id: (start, end)}."""
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    pos = 0
    prev_sentence: int | None = None
    prev_text = ""
    for t_id, sentence, tok in tokens:
        if not parts:
            sep = ""
        elif sentence != prev_sentence:
            sep = "\n"
        elif _NO_SPACE_BEFORE.match(tok) or prev_text in _NO_SPACE_AFTER:
            sep = ""
        else:
            sep = " "
        parts.append(sep)
        pos += len(sep)
        spans[t_id] = (pos, pos + len(tok))
        parts.append(tok)
        pos += len(tok)
        prev_sentence, prev_text = sentence, tok
    return "".join(parts), spans


def read_document(path: Path) -> EcbDocument:
    """Parse one ECB+ XML file into text + gold mentions with character offsets."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise InputError(
            f"{path}: not well-formed ECB+ XML ({exc})", hint="check the file is an ECB+ annotation file"
        ) from exc
    stem = path.stem
    plus = stem.endswith("ecbplus")
    tokens = [(t.get("t_id", ""), int(t.get("sentence", "0")), t.text or "") for t in root.iter("token")]
    url = None
    if plus and tokens and tokens[0][1] == 0 and tokens[0][2].lower().startswith("http"):
        url = "".join(t[2] for t in tokens if t[1] == 0)
        tokens = [t for t in tokens if t[1] != 0]
    text, spans = _detokenise(tokens)

    markables = root.find("Markables")
    anchored: dict[str, tuple[str, list[str]]] = {}
    instance_of: dict[str, str] = {}
    if markables is not None:
        for m in markables:
            anchors = [a.get("t_id", "") for a in m.findall("token_anchor")]
            m_id = m.get("m_id", "")
            if anchors:
                anchored[m_id] = (m.tag, anchors)
            elif m.get("instance_id"):
                instance_of[m_id] = m.get("instance_id", "")
    cluster: dict[str, str] = {}
    relations = root.find("Relations")
    if relations is not None:
        for r in relations:
            if r.tag not in ("CROSS_DOC_COREF", "INTRA_DOC_COREF"):
                continue
            target = r.find("target")
            target_id = target.get("m_id", "") if target is not None else ""
            key = r.get("note") or instance_of.get(target_id) or f"{stem}:r{r.get('r_id')}"
            if target_id in anchored:
                cluster.setdefault(target_id, key)
            for s in r.findall("source"):
                cluster.setdefault(s.get("m_id", ""), key)
    mentions = []
    for m_id, (tag, anchors) in anchored.items():
        offs = [spans[a] for a in anchors if a in spans]
        if not offs:
            continue
        mentions.append(
            GoldMention(
                f"{stem}:{m_id}",
                stem,
                min(o[0] for o in offs),
                max(o[1] for o in offs),
                tag,
                cluster.get(m_id, f"{stem}:{m_id}"),
            )
        )
    mentions.sort(key=lambda g: (g.start, g.end, g.id))
    topic = stem.split("_", 1)[0]
    return EcbDocument(stem, topic, topic + ("plus" if plus else ""), text, url, tuple(mentions))


def _topic_key(folder: Path) -> tuple[int, str]:
    return (int(folder.name), folder.name) if folder.name.isdigit() else (10**9, folder.name)


def _doc_key(path: Path) -> tuple[int, str]:
    m = re.match(r"\d+_(\d+)", path.stem)
    return (int(m.group(1)) if m else 0, path.stem)


def topics(data: Path) -> list[str]:
    """The topic folders under ``data``, in numeric order."""
    folders = sorted((p for p in data.iterdir() if p.is_dir() and any(p.glob("*.xml"))), key=_topic_key)
    if not folders:
        raise InputError(
            f"no ECB+ topic folders under {data}",
            hint="point --data at the ecbplus folder (it holds 1/, 2/, ... with *.xml)",
        )
    return [f.name for f in folders]


def read_corpus(data: Path, only_topics: list[str] | None = None, limit: int | None = None) -> list[EcbDocument]:
    """Every document of the chosen topics (all by default), topic by topic, in a fixed order.

    ``limit`` keeps the first ``limit`` topics (a deterministic subset for quick runs)."""
    chosen = only_topics if only_topics is not None else topics(data)
    if limit is not None:
        chosen = chosen[:limit]
    docs: list[EcbDocument] = []
    for t in chosen:
        for path in sorted((data / t).glob("*.xml"), key=_doc_key):
            docs.append(read_document(path))
    return docs
