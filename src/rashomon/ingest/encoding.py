"""Bytes -> text: binary sniffing, encoding detection and mojibake repair.

Policy (documented in ``decode``):

* A byte-order mark decides the encoding.
* Valid UTF-8 is taken as is.
* Text that is *almost* UTF-8 (at most 1 % of the characters undecodable, e.g. a few
  stray Latin-1 bytes in a UTF-8 file) is decoded as UTF-8 with U+FFFD replacement
  characters: guessing another code page for the whole file would garble every other
  non-ASCII character.
* Anything else goes to charset-normalizer; when it finds no plausible encoding the
  input is refused with :class:`DecodeError`.
* The result goes through ftfy (mojibake such as ``â€™`` repaired, line breaks
  normalised to ``\\n``; curly quotes are kept).

Binary input (NUL bytes, or mostly control characters once decoded) raises
:class:`BinaryInput`; empty or whitespace-only input raises :class:`EmptyInput`.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy
from charset_normalizer import from_bytes

from ..errors import BinaryInput, DecodeError, EmptyInput

_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, explain=False)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_MAGIC = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"\x7fELF": "executable",
    b"MZ": "executable",
    b"\xd0\xcf\x11\xe0": "Office document",
    b"PK\x03\x04": "zip archive",
    b"\x1f\x8b": "gzip archive",
    b"BZh": "bzip2 archive",
    b"\xfd7zXZ": "xz archive",
    b"7z\xbc\xaf": "7z archive",
    b"RIFF": "media file",
    b"OggS": "media file",
    b"ID3": "audio file",
    b"SQLite format 3": "database",
}
_HTML = re.compile(rb"<(?:!doctype\s+html|html|head|body|article|p|div|meta|title)\b", re.I)
MAX_REPLACEMENT_RATIO = 0.01
MAX_CONTROL_RATIO = 0.05


def binary_kind(head: bytes) -> str | None:
    """What a binary file looks like from its first bytes (None when it may be text)."""
    for bom, _ in _BOMS:
        if head.startswith(bom):
            return None
    for magic, kind in _MAGIC.items():
        if head.startswith(magic):
            return kind
    if b"\x00" in head[:8192]:
        return "binary data (NUL bytes)"
    return None


def looks_like_html(head: bytes) -> bool:
    return bool(_HTML.search(head[:4096]))


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    # control, surrogate, private-use and unassigned/noncharacter code points, and U+FFFD:
    # what a wrong guess of the encoding of binary data produces
    bad = sum(
        1
        for ch in sample
        if ch not in "\t\n\r\f" and (ch == "\ufffd" or unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn"))
    )
    return bad / len(sample)


def decode(data: bytes, source: str) -> str:
    """Decode one file's bytes to repaired text (see the module docstring for the policy)."""
    if not data.strip():
        raise EmptyInput(
            "empty file (no text at all)" if not data else "file holds only whitespace",
            source=source,
            hint="remove it or give it article text",
        )
    kind = binary_kind(data[:8192])
    if kind:
        raise BinaryInput(
            f"binary file ({kind}), not text",
            source=source,
            hint="only text, HTML, JSONL, CSV, WARC and zip/tar/gzip archives of them are read",
        )
    text: str | None = None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"has a {enc} byte-order mark but is not valid {enc}: {exc.reason}",
                    source=source,
                    hint="re-save the file as UTF-8",
                ) from exc
            break
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            lenient = data.decode("utf-8", errors="replace")
            if lenient.count("\ufffd") <= MAX_REPLACEMENT_RATIO * max(len(lenient), 1):
                text = lenient
            else:
                best = from_bytes(data).best()
                if best is None:
                    raise DecodeError(
                        "cannot determine the text encoding (not UTF-8, no plausible code page)",
                        source=source,
                        hint="re-save the file as UTF-8",
                    ) from None
                text = str(best)
    if _control_ratio(text) > MAX_CONTROL_RATIO:
        raise BinaryInput(
            "binary file (mostly control characters once decoded), not text",
            source=source,
            hint="only text, HTML, JSONL, CSV, WARC and zip/tar/gzip archives of them are read",
        )
    text = ftfy.fix_text(text, _FTFY)
    if not text.strip():
        raise EmptyInput("file holds no visible text", source=source)
    return text


def detect_encoding(sample: bytes) -> str:
    """The encoding to stream a line-oriented file (CSV) with, from its first bytes."""
    for bom, enc in _BOMS:
        if sample.startswith(bom):
            return enc
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start > len(sample) - 4:  # a character cut at the end of the sample
            return "utf-8"
    best = from_bytes(sample).best()
    return best.encoding if best is not None else "utf-8"
