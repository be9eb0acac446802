"""Benchmark: the corpus-level stage (``pipeline.corpus`` on a store) at 1k, 10k and 100k documents.

    .venv/bin/python bench/corpus_stage.py [--sizes 1000 10000 100000] [--seeds 200] [--old 1000 10000]

Time and peak RSS of entity canonicalisation + speakers + story grouping + the whole
crosscheck, one fresh subprocess per size (peak RSS = the child's ``ru_maxrss``), with
the growth ratios against the smallest size. ``--old SIZES`` also measures the corpus
stage with the whole corpus as one part (``limits=WHOLE``: every mention, claim and document
of a pass in memory at once), on the same stores.

The stores are SYNTHETIC, built from real extractions: running spaCy on 100k documents
takes hours on 2 cores, so ``--seeds`` documents from bench/make_corpus.py (real
paragraphs of ../shared/data) are extracted once (cached in the work folder), and their
stored mentions and claims are replicated into N documents with new ids, outlets and
dates. Each replica's words of four letters or more (other than the linking, date and
story stopword vocabularies) are rewritten letter by letter, the same way in every
three consecutive replicas of a seed, so replicas form stories of realistic size instead
of one giant story, and entity names multiply with the corpus; offsets, numbers and
dates are unchanged, so every claim still points at its evidence.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import record  # noqa: E402

GROUP = 3  # consecutive replicas of a seed that share one rewriting of its words
_WORDS = re.compile(r"[A-Za-z]{4,}")


def _protected() -> frozenset[str]:
    from rashomon.crosscheck import link, stories, verdict

    words = set(stories._STOPWORDS)
    for table in (link.PREDICATES, link.THINGS):
        for forms in table.values():
            words |= {w for f in forms for w in f.split()}
    words |= set(verdict.EVENT_NOUNS) | set(verdict.PHASES)
    words |= {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "according",
        "said",
        "says",
        "told",
        "percent",
        "cent",
        "least",
        "more",
        "than",
        "about",
        "nearly",
        "almost",
        "since",
        "total",
        "over",
        "under",
        "some",
        "around",
    }
    return frozenset(words)


class Rewriter:
    """Same-length letter substitution of a word, the same for one group of replicas."""

    def __init__(self, group: int, protected: frozenset[str]):
        self.group, self.protected, self.cache = group, protected, {}

    def word(self, m: re.Match) -> str:
        w = m.group(0)
        if self.group == 0 or w.lower() in self.protected:
            return w
        out = self.cache.get(w)
        if out is None:
            h = hashlib.blake2b(f"{w.lower()}|{self.group}".encode(), digest_size=16).digest()
            out = "".join(
                chr((ord(ch.lower()) - 97 + 1 + h[i % 16] % 25) % 26 + 97) if ch.isalpha() else ch
                for i, ch in enumerate(w)
            )
            out = "".join(o.upper() if c.isupper() else o for c, o in zip(w, out))
            self.cache[w] = out
        return out

    def __call__(self, text: str | None) -> str | None:
        return _WORDS.sub(self.word, text) if text else text


def seed_store(folder: Path, seeds: int) -> Path:
    """``seeds`` documents of bench/make_corpus.py, ingested and extracted once (cached)."""
    from make_corpus import make_corpus

    from rashomon import pipeline
    from rashomon.options import Options
    from rashomon.store import Store

    db = folder / f"seeds-{seeds}.duckdb"
    if db.exists():
        return db
    tmp = folder / "seeds.tmp.duckdb"
    tmp.unlink(missing_ok=True)
    corpus = folder / f"seed-corpus-{seeds}"
    make_corpus(seeds, corpus)
    store = Store(tmp)
    pipeline.ingest(store, [corpus], Options())
    t = time.perf_counter()
    pipeline.analyze(store, Options(workers=2))
    print(f"extracted {seeds} seed documents in {time.perf_counter() - t:.0f} s", flush=True)
    tmp.rename(db)
    return db


def build_store(seed_db: Path, n: int, out: Path) -> None:
    """A store of ``n`` documents replicated from the seed store's documents and extractions."""
    from rashomon.extract import all_stages
    from rashomon.records import Extraction, stable_id
    from rashomon.store import Store

    seed = Store(seed_db, read_only=True)
    docs = sorted(seed.documents(with_removals=False), key=lambda d: d.id)
    claims: dict[str, list] = {}
    for c in seed.claims():
        claims.setdefault(c.doc, []).append(c)
    mentions: dict[str, list] = {}
    for m in seed.mentions():
        mentions.setdefault(m.doc, []).append(m)
    protected = _protected()
    out.unlink(missing_ok=True)
    store = Store(out)
    s = len(docs)
    index = {d.id: k for k, d in enumerate(docs)}
    batch_docs, batch_x = [], []
    rewriter = None
    for i in range(n):
        k, g = i % s, i // s
        if rewriter is None or rewriter.group != g // GROUP:
            rewriter = Rewriter(g // GROUP, protected)
        d = docs[k]
        did = stable_id("d", "bench", i)
        dup = d.duplicate_of
        if dup in index and index[dup] + g * s < n:
            dup = stable_id("d", "bench", index[dup] + g * s)
        else:
            dup = None
        published = d.published and (date.fromisoformat(d.published[:10]) + timedelta(days=g // GROUP)).isoformat()
        text = rewriter(d.text)
        batch_docs.append(
            replace(
                d,
                id=did,
                source=f"bench/{i}.txt",
                text=text,
                raw_text=text,
                removed=(),
                title=rewriter(d.title),
                outlet=f"{d.outlet or 'Outlet'} {g % 4}",
                published=published,
                duplicate_of=dup,
                content_hash=hashlib.sha256(f"{i}|{text}".encode()).hexdigest(),
            )
        )
        cs = [
            replace(
                c,
                id=stable_id("c", did, c.id),
                doc=did,
                speaker=None,
                **{
                    f: rewriter(getattr(c, f))
                    for f in (
                        "text",
                        "what",
                        "predicate",
                        "place",
                        "unit",
                        "attributed_to",
                        "speaker_text",
                        "actor",
                        "action",
                        "target",
                        "cue",
                    )
                },
            )
            for c in claims.get(d.id, ())
        ]
        ms = [replace(m, doc=did, text=rewriter(m.text)) for m in mentions.get(d.id, ())]
        batch_x.append(Extraction(did, tuple(ms), tuple(cs), stages=all_stages()))
        if len(batch_docs) >= 1000 or i == n - 1:
            store.add_batch(batch_docs)
            store.save_extractions(batch_x)
            batch_docs, batch_x = [], []


def measure(db: Path, old: bool) -> dict:
    """Run in a fresh process: the corpus stage on ``db``; time per phase and peak RSS."""
    import resource

    from rashomon import pipeline
    from rashomon.options import Options
    from rashomon.store import Store

    store = Store(db)
    marks: list[float] = []
    t0 = time.perf_counter()
    if old:
        sys.path.insert(0, str(ROOT))
        from tests.test_corpus_stage import whole_corpus

        whole_corpus(store, Options())
    else:

        def mark(stage: str, n: int, total: int | None) -> None:
            marks.append(time.perf_counter())
            rss.append(round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))

        rss: list[int] = []
        pipeline.corpus(store, Options(), progress=mark)
    total = time.perf_counter() - t0
    phases = {}
    from rashomon.crosscheck.passes import PASSES

    done = {p.name: i + 1 for i, p in enumerate(PASSES)}  # progress: the start, then the end of each pass
    if len(marks) > len(PASSES):
        phases = {
            "t_entities": marks[done["entities"]] - marks[0],
            "t_stories": marks[done["stories"]] - marks[done["stories"] - 1],
            "t_crosscheck": marks[-1] - marks[done["stories"]],
        }
    return {
        "seconds": total,
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "documents": store.count("documents"),
        "claims": store.count("claims"),
        "mentions": store.count("mentions"),
        "findings": store.count("findings"),
        "stories": store.count("stories"),
        "entities": store.count("entities"),
        "marks": [round(m - t0, 1) for m in marks],
        "peak_mib_at_marks": rss if not old else [],
        **phases,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--seeds", type=int, default=200, help="real documents extracted once (default 200)")
    ap.add_argument("--old", type=int, nargs="*", default=[], help="sizes to also run the unpartitioned stage on")
    ap.add_argument(
        "--work",
        type=Path,
        default=Path(tempfile.gettempdir()) / "rashomon-bench-corpus",
        help="work folder (seed store cache, synthetic stores)",
    )
    ap.add_argument(
        "--keep",
        action="store_true",
        help="keep the synthetic stores in the work folder and reuse them (building 100k takes ~15 min)",
    )
    ap.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--measure-old", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.measure_old)))
        return
    args.work.mkdir(parents=True, exist_ok=True)
    seed = seed_store(args.work, args.seeds)
    rows: dict[tuple[str, int], dict] = {}
    for n in args.sizes:
        db = args.work / f"synthetic-{n}.duckdb"
        if not (args.keep and db.exists()):
            t = time.perf_counter()
            build_store(seed, n, db)
            print(f"built {n} documents in {time.perf_counter() - t:.0f} s", flush=True)
        for kind in ("partitioned", "old") if n in args.old else ("partitioned",):
            run = args.work / f"run-{n}.duckdb"
            shutil.copy(db, run)
            cmd = [sys.executable, __file__, "--measure", str(run)] + (["--measure-old"] if kind == "old" else [])
            p = subprocess.run(cmd, capture_output=True, text=True)
            run.unlink(missing_ok=True)
            if p.returncode != 0:
                print(p.stderr[-3000:])
                errors = [ln for ln in p.stderr.splitlines() if re.match(r"[\w.]*(Error|Exception)\b", ln)]
                rows[(kind, n)] = {"error": (errors or ["failed"])[-1]}
                continue
            rows[(kind, n)] = r = json.loads(p.stdout.strip().splitlines()[-1])
            print(
                f"{kind:>11} {n:>7} docs: {r['seconds']:8.1f} s, peak RSS {r['peak_mib']:7.0f} MiB "
                f"({r['claims']:,} claims, {r['mentions']:,} mentions, {r['entities']:,} entities, "
                f"{r['stories']:,} stories, {r['findings']:,} findings)",
                flush=True,
            )
        if not args.keep:
            db.unlink(missing_ok=True)
    lines = [
        f"synthetic stores: {args.seeds} bench/make_corpus.py documents extracted once with spaCy, their "
        f"mentions/claims replicated into N documents (words rewritten per {GROUP} replicas; see docstring)"
    ]
    for kind in ("partitioned", "old"):
        sizes = [n for n in args.sizes if (kind, n) in rows and "error" not in rows[(kind, n)]]
        base = rows[(kind, sizes[0])] if sizes else None
        for n in args.sizes:
            r = rows.get((kind, n))
            if r is None:
                continue
            if "error" in r:
                lines.append(f"{kind} {n:,} docs: FAILED ({r['error']})")
                continue
            phases = ", ".join(f"{p[2:]} {r[p]:.1f} s" for p in ("t_entities", "t_stories", "t_crosscheck") if p in r)
            lines.append(
                f"{kind} {n:,} docs ({r['claims']:,} claims, {r['mentions']:,} mentions): "
                f"{r['seconds']:.1f} s [{phases}], peak RSS {r['peak_mib']:.0f} MiB; vs {sizes[0]:,}: "
                f"time x{r['seconds'] / base['seconds']:.1f}, peak RSS x{r['peak_mib'] / base['peak_mib']:.2f}"
                + (
                    f", crosscheck time x{r['t_crosscheck'] / base['t_crosscheck']:.1f}"
                    if "t_crosscheck" in r and "t_crosscheck" in base
                    else ""
                )
            )
    record("corpus stage (pipeline.corpus): time and peak RSS by corpus size", lines)


if __name__ == "__main__":
    main()
