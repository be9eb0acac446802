"""Digests of the ``export --format json`` of three real piles, for restructuring that must change no output.

The piles: the seeds (``../shared/corpus/seeds``), the demo (``examples/demo``) and 100 GVA incidents
(75 with several articles, 25 with one, drawn by a fixed hash of the incident id from
``../shared/data/gva/dev``). Each is ingested, analysed and exported; version numbers of stages
(``"quotes@3"`` -> ``"quotes@"``) are blanked, since bumping a version is the one change a restructuring
may make; the digest is the SHA-256 of the rest. ``tests/test_export_digests.py`` compares them with the
committed ``export-digests.json``. When a change is meant to alter the output, rewrite that file and say
so in the commit::

    python -m tests.export_digests --write
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
GVA = SHARED / "data" / "gva" / "dev"
DIGESTS = Path(__file__).with_name("export-digests.json")
PILES = ("seeds", "demo", "gva100")
_VERSION = re.compile(r"@\d+$")


def gva_pile(out: Path, multi: int = 75, single: int = 25) -> Path:
    """A JSONL pile of the articles of ``multi`` multi-article and ``single`` single-article GVA incidents."""
    gold = json.loads((GVA / "incidents.json").read_text())
    ranked = sorted(gold, key=lambda i: hashlib.sha1(f"rashomon-digest:{i}".encode()).hexdigest())
    chosen = [i for i in ranked if len(gold[i]["documents"]) >= 2][:multi] + [
        i for i in ranked if len(gold[i]["documents"]) == 1
    ][:single]
    wanted = {d for i in chosen for d in gold[i]["documents"]}
    path = out / "gva100.jsonl"
    with (GVA / "documents.jsonl").open() as src, path.open("w") as f:
        for line in src:
            if json.loads(line)["id"] in wanted:
                f.write(line)
    return path


def inputs(pile: str, work: Path) -> list[Path]:
    if pile == "seeds":
        return [SHARED / "corpus" / "seeds"]
    if pile == "demo":
        return [ROOT / "examples" / "demo"]
    return [gva_pile(work)]


def available(pile: str) -> bool:
    return {"seeds": (SHARED / "corpus" / "seeds").exists(), "demo": True, "gva100": (GVA / "incidents.json").exists()}[
        pile
    ]


def _blank_versions(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: (_VERSION.sub("@", v) if k == "stage" and isinstance(v, str) else _blank_versions(v))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_blank_versions(v) for v in value]
    return value


def digest(export: Path, work: Path) -> str:
    """The digest of an export, its stage versions and the folders its sources name (the pile's temporary
    folder, the checkout, ``../shared``: they differ between machines) blanked."""
    text = export.read_text()
    for folder, name in ((work, "$PILE"), (SHARED, "$SHARED"), (ROOT, "$ROOT")):
        text = text.replace(json.dumps(str(folder))[1:-1], name)
    data = _blank_versions(json.loads(text))
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def export_digest(pile: str, workers: int = 1) -> str:
    """Ingest, analyse and export one pile in a fresh store; the digest of its export."""
    import rashomon

    with tempfile.TemporaryDirectory(prefix="rashomon-digest-") as tmp:
        work = Path(tmp)
        r = rashomon.open(str(work / "r.duckdb"))
        r.ingest([str(p) for p in inputs(pile, work)])
        r.analyze(workers=workers)
        r.export("json", str(work / "out.json"))
        return digest(work / "out.json", work)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true", help=f"rewrite {DIGESTS.name}")
    ap.add_argument("piles", nargs="*", default=list(PILES))
    args = ap.parse_args(argv)
    committed = json.loads(DIGESTS.read_text()) if DIGESTS.exists() else {}
    now = dict(committed)
    same = True
    for pile in args.piles:
        now[pile] = export_digest(pile)
        mark = "same" if committed.get(pile) == now[pile] else "CHANGED"
        same &= mark == "same"
        print(f"{pile}: {now[pile]} {mark}")
    if args.write:
        DIGESTS.write_text(json.dumps(now, indent=2, sort_keys=True) + "\n")
        print(f"wrote {DIGESTS}")
    return 0 if same or args.write else 1


if __name__ == "__main__":
    sys.exit(main())
