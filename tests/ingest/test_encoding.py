"""Decoding policy: UTF-8, BOMs, legacy code pages, near-UTF-8, mojibake, binary, empty."""

from __future__ import annotations

import pytest

from rashomon.errors import BinaryInput, DecodeError, EmptyInput
from rashomon.ingest.encoding import decode, detect_encoding, looks_like_html

TEXT = "Le café de Velmora a rouvert ses portes après trois mois de travaux, a annoncé la mairie jeudi."


def test_utf8_and_bom():
    assert decode(TEXT.encode("utf-8"), "a.txt") == TEXT
    assert decode(b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "a.txt") == TEXT
    assert decode(TEXT.encode("utf-16"), "a.txt") == TEXT


def test_legacy_code_page_is_detected():
    assert decode((TEXT + " " + TEXT).encode("cp1252"), "a.txt").startswith("Le café de Velmora")


def test_a_few_invalid_bytes_in_utf8_become_replacement_characters():
    data = (TEXT * 20).encode("utf-8") + b" caf\xe9 " + (TEXT * 20).encode("utf-8")
    out = decode(data, "a.txt")
    assert out.count("\ufffd") == 1 and out.count("café") == 40


def test_mojibake_is_repaired_and_curly_quotes_kept():
    broken = "Velmora’s harbour café is open".encode().decode("cp1252")  # "Velmoraâ€™s ... cafÃ©"
    assert decode(broken.encode("utf-8"), "a.txt") == "Velmora’s harbour café is open"
    assert decode("“Open”, she said".encode(), "a.txt") == "“Open”, she said"


@pytest.mark.parametrize(
    "data,error",
    [
        (b"", EmptyInput),
        (b"  \n\t\n", EmptyInput),
        (b"%PDF-1.7 \x00\x01", BinaryInput),
        (bytes(range(256)) * 8, BinaryInput),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08" * 300, BinaryInput),
    ],
)
def test_refusals_name_the_file(data, error):
    with pytest.raises(error) as exc:
        decode(data, "in/x.txt")
    assert "in/x.txt" in str(exc.value)


def test_hopeless_bytes_are_a_decode_error(monkeypatch):
    import rashomon.ingest.encoding as enc

    class Nothing:
        def best(self):
            return None

    monkeypatch.setattr(enc, "from_bytes", lambda data: Nothing())
    with pytest.raises(DecodeError, match="cannot determine the text encoding"):
        decode(bytes(range(128, 256)) * 4, "x.txt")


def test_helpers():
    assert detect_encoding("é".encode() * 10) == "utf-8"
    assert looks_like_html(b"  <!DOCTYPE html><html>") and not looks_like_html(b"plain words <3")
