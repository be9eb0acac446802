"""Build a synthetic news corpus of N documents from real paragraphs, for benchmarks.

    python bench/make_corpus.py N OUT_DIR [--seed 13] [--shard-size 1000]

Paragraphs come from the real texts in ``../shared/data`` (ECB+ articles detokenised,
PolNeAR article texts, the article-extraction gold bodies), so sentence lengths, names,
numbers and quotes keep realistic statistics; each synthetic document is a title plus
3-12 paragraphs drawn at random, with a made-up outlet and date. The output is JSON
Lines sharded as ``OUT_DIR/corpus-00000.jsonl`` (``text``, ``title``, ``outlet``,
``published``, ``url``), the same for the same N and seed on every machine. Nothing
from ``../shared`` is ever written into the repository: OUT_DIR is for a scratch folder.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo"
OUTLETS = [
    "Valdoria Herald",
    "Northgate Times",
    "Kestrel Daily",
    "Meridian Wire",
    "Port Aven Post",
    "Brenmoor Post",
    "Coastwire",
    "Heldmoor Gazette",
    "Sarn Valley News",
    "Lowland Courier",
]
_NO_SPACE_BEFORE = re.compile(r" ([.,;:!?%)\]}]|'s|n't|'re|'ve|'ll|'d|'m)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$]) ")


def detokenise(tokens: list[str]) -> str:
    text = " ".join(tokens).replace("`` ", "“").replace(" ''", "”").replace("-LRB- ", "(").replace(" -RRB-", ")")
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    return _NO_SPACE_AFTER.sub(r"\1", text)


def ecb_paragraphs(folder: Path) -> list[str]:
    """One paragraph per ECB+ sentence group of about three sentences (URL lines dropped)."""
    out = []
    for path in sorted(folder.glob("*/*.xml")):
        sentences: dict[str, list[str]] = {}
        for tok in ET.parse(path).getroot().iter("token"):
            sentences.setdefault(tok.get("sentence", "0"), []).append(tok.text or "")
        lines = [detokenise(t) for _, t in sorted(sentences.items(), key=lambda kv: int(kv[0]))]
        lines = [s for s in lines if not s.startswith("http") and len(s.split()) > 3]
        out += [" ".join(lines[i : i + 3]) for i in range(0, len(lines), 3)]
    return out


def text_paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if len(p.split()) >= 8]


def load_pool(shared: Path) -> list[str]:
    pool = []
    if (shared / "ecbplus").exists():
        pool += ecb_paragraphs(shared / "ecbplus")
    for split in ("train", "dev"):
        for path in sorted((shared / "polnear" / split / "text").glob("*.txt")):
            pool += text_paragraphs(path.read_text("utf-8", errors="replace"))
    truth = shared / "article-extraction" / "ground-truth.json"
    if truth.exists():
        for _, rec in sorted(json.loads(truth.read_text("utf-8")).items()):
            pool += text_paragraphs(rec.get("articleBody") or "")
    if not pool:
        sys.exit(f"no source texts under {shared} (../shared/data is needed beside the repository)")
    return pool


def demo_pool(demo: Path = DEMO) -> list[str]:
    """Paragraphs of the bundled, invented demo corpus (``examples/demo``: its text files and JSON Lines
    texts), for benchmarks that must run without ``../shared``."""
    pool = []
    for path in sorted(demo.glob("*.txt")):
        pool += text_paragraphs(path.read_text("utf-8"))
    for path in sorted(demo.glob("*.jsonl")):
        pool += [p for line in path.open(encoding="utf-8") for p in text_paragraphs(json.loads(line)["text"])]
    return pool


def make_document(i: int, rng: random.Random, pool: list[str]) -> dict[str, str]:
    paragraphs = [pool[rng.randrange(len(pool))] for _ in range(rng.randint(3, 12))]
    title = " ".join(paragraphs[0].split()[: rng.randint(6, 12)]).rstrip(",.;:")
    outlet = OUTLETS[rng.randrange(len(OUTLETS))]
    published = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower())[:50].strip("-")
    return {
        "title": title,
        "text": title + "\n\n" + "\n\n".join(paragraphs),
        "outlet": outlet,
        "published": published.isoformat(),
        "url": f"https://{outlet.lower().replace(' ', '')}.example/{published:%Y/%m}/{slug}-{i}",
    }


def make_corpus(n: int, out: Path, seed: int = 13, shard_size: int = 1000, shared: Path = SHARED) -> list[Path]:
    rng = random.Random(seed)
    pool = load_pool(shared)
    out.mkdir(parents=True, exist_ok=True)
    shards = []
    for start in range(0, n, shard_size):
        path = out / f"corpus-{start // shard_size:05d}.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for i in range(start, min(n, start + shard_size)):
                f.write(json.dumps(make_document(i, rng, pool), ensure_ascii=False) + "\n")
        shards.append(path)
    return shards


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of documents")
    ap.add_argument("out", type=Path, help="output folder (JSONL shards)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--shard-size", type=int, default=1000)
    args = ap.parse_args(argv)
    shards = make_corpus(args.n, args.out, args.seed, args.shard_size)
    words = sum(len(json.loads(line)["text"].split()) for p in shards for line in p.open(encoding="utf-8"))
    print(f"{args.n} documents, {words:,} words in {len(shards)} shard(s) under {args.out}")


if __name__ == "__main__":
    main()
