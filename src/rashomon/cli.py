"""The command line: each command parses, calls one library function, renders.

Exit codes: 0 all good; 1 some inputs failed (each listed with its reason) or the store could not be
used; 2 usage error; 128 + the signal's number when stopped by SIGINT (130) or SIGTERM (143).
"""

from __future__ import annotations

import json
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from . import api, reviews as review_mod
from .errors import RashomonError, UsageError
from .options import DEFAULT_FIELDS, Options
from .records import Figure, Review, TimeClaim
from .store import DEFAULT_DB

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Rashomon: cross-check the news.")
# Wide output when piped, so ids and sources are never cut with an ellipsis.
out = Console(width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, width=None if sys.stderr.isatty() else 200)

DbOpt = typer.Option(None, "--db", help=f"DuckDB store file (default: the global --db, else ./{DEFAULT_DB}).")
WaitOpt = typer.Option(
    10.0, "--wait", min=0, help="Seconds to wait for another ingest or analyze of the same store to finish."
)


@app.callback()
def _global(
    db: str | None = typer.Option(
        None, "--db", envvar="RASHOMON_DB", help=f"DuckDB store file for every command (default ./{DEFAULT_DB})."
    ),
) -> None:
    """Rashomon: cross-check the news."""
    global _GLOBAL_DB
    _GLOBAL_DB = db


_GLOBAL_DB: str | None = None  # set by the callback above on every invocation


def _db(db: str | None) -> str:
    """The store a command uses: its own --db, else the global one (or RASHOMON_DB), else the default."""
    return db or _GLOBAL_DB or DEFAULT_DB


def _plain(*values: object) -> list[Text]:
    """Table cells shown as written: article text and names are never read as Rich markup."""
    return [Text("" if v is None else str(v)) for v in values]


def _fail(exc: RashomonError) -> NoReturn:
    err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
    raise typer.Exit(2 if isinstance(exc, UsageError) else 1)


def _progress() -> tuple[Progress, Callable[[str, int, int | None], None]]:
    prog = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
    tasks: dict[str, TaskID] = {}

    def cb(stage: str, advance: int, total: int | None) -> None:
        if stage not in tasks:
            tasks[stage] = prog.add_task(stage, total=total)
        elif total is not None:
            prog.update(tasks[stage], total=total)
        prog.advance(tasks[stage], advance)

    return prog, cb


def _fields(specs: list[str]) -> dict[str, str]:
    fields = dict(DEFAULT_FIELDS)
    for spec in specs:
        key, sep, col = spec.partition("=")
        if not sep or key not in DEFAULT_FIELDS or not col:
            raise typer.BadParameter(
                f"{spec!r}: expected FIELD=COLUMN with FIELD one of {', '.join(DEFAULT_FIELDS)}", param_hint="--field"
            )
        fields[key] = col
    return fields


def _open(db: str | None, read_only: bool = False, wait: float = 10.0, **opts: Any) -> api.Rashomon:
    try:
        return api.open(_db(db), Options(**opts), read_only=read_only, wait=wait)
    except RashomonError as exc:
        _fail(exc)
        raise


def _check_engine(engine: str) -> None:
    if engine not in ("local", "ray"):
        raise typer.BadParameter("expected local or ray", param_hint="--engine")


@app.command()
def ingest(
    paths: list[str] = typer.Argument(
        ..., help="Files (text, HTML, JSONL, CSV, Parquet, WARC), folders, globs, .zip/.tar.gz archives."
    ),
    db: str | None = DbOpt,
    field: list[str] = typer.Option([], "--field", help="JSONL/CSV field mapping, e.g. --field text=body."),
    batch_size: int = typer.Option(32, help="Documents per store transaction is 4x this."),
    max_doc_mb: float = typer.Option(50, help="Refuse documents larger than this (MB)."),
    max_member_mb: float = typer.Option(100, help="Refuse archive members larger than this (MB, uncompressed)."),
    max_archive_mb: float = typer.Option(1024, help="Stop reading an archive past this many MB uncompressed."),
    engine: str = typer.Option("local", help="local | ray (files read and cleaned by Ray tasks)"),
    address: str | None = typer.Option(None, help="Ray cluster address (auto|HOST:PORT)."),
    wait: float = WaitOpt,
) -> None:
    """Read articles into the store (cleaned, with metadata, near-copies linked)."""
    _check_engine(engine)
    r = _open(
        db,
        fields=_fields(field),
        batch_size=batch_size,
        max_doc_bytes=int(max_doc_mb * 2**20),
        max_member_bytes=int(max_member_mb * 2**20),
        max_archive_bytes=int(max_archive_mb * 2**20),
        engine=engine,
        ray_address=address,
        wait=wait,
    )
    prog, cb = _progress()
    try:
        with prog:
            rep = r.ingest(paths, progress=cb)
    except RashomonError as exc:
        _fail(exc)
    out.print(
        f"ingested {rep.added} new document(s) from {rep.seen} input(s); "
        f"{rep.exact_duplicates} already stored, {rep.near_duplicates} near-copies linked"
    )
    for e in rep.errors:
        err.print(f"[yellow]skipped[/yellow] {escape(e.source)}: {escape(f'[{e.code}] {e.reason}')}", highlight=False)
    if rep.errors:
        raise typer.Exit(1)


@app.command()
def analyze(
    db: str | None = DbOpt,
    model: str = typer.Option("en_core_web_sm", help="spaCy pipeline name."),
    workers: int = typer.Option(1, help="Processes for extraction and the cross-source partitions."),
    batch_size: int = typer.Option(32, help="Documents per batch."),
    engine: str = typer.Option("local", help="local | ray"),
    address: str | None = typer.Option(None, help="Ray cluster address (auto|HOST:PORT)."),
    wait: float = WaitOpt,
) -> None:
    """Run every stage not yet run on new documents; rebuild the cross-source results."""
    _check_engine(engine)
    r = _open(db, wait=wait, model=model, workers=workers, batch_size=batch_size, engine=engine, ray_address=address)
    prog, cb = _progress()
    try:
        with prog:
            rep = r.analyze(progress=cb)
    except RashomonError as exc:
        _fail(exc)
    out.print(
        f"analyzed {rep.extracted} new document(s): {rep.entities} entities, {rep.claims} claims, "
        f"{rep.findings} findings in {rep.stories} stories (extraction {rep.extract_seconds:.1f} s, "
        f"cross-source rebuild {rep.corpus_seconds:.1f} s)"
    )
    if rep.failed:
        _print_extraction_errors(r.extraction_errors())
        raise typer.Exit(1)


def _print_extraction_errors(errors: list) -> None:
    err.print(
        f"{len(errors)} document(s) could not be extracted (retried by the next analyze; "
        "please report the reason as a bug):"
    )
    for e in errors:
        err.print(f"  {e.source} ({e.doc}): [{e.code}] {e.reason}", markup=False, highlight=False)


@app.command()
def docs(db: str | None = DbOpt, outlet: str | None = typer.Option(None)) -> None:
    """List the stored documents."""
    r = _open(db, read_only=True)
    t = Table("id", "outlet", "published", "how", "title", "duplicate_of", "source")
    for d in r.documents(outlet=outlet):
        t.add_row(*_plain(d.id, d.outlet, d.published, d.published_how, (d.title or "")[:60], d.duplicate_of, d.source))
    out.print(t)
    errors = r.errors()
    if errors:
        err.print(f"{len(errors)} input(s) failed to ingest:")
        for e in errors:
            err.print(f"  {e.source}: [{e.code}] {e.reason}", markup=False, highlight=False)
    failed = r.extraction_errors()
    if failed:
        _print_extraction_errors(failed)


@app.command()
def show(
    doc: str = typer.Argument(..., help="Document id, id prefix or source path."),
    db: str | None = DbOpt,
    removed: bool = typer.Option(False, "--removed", help="Also list what cleaning removed."),
) -> None:
    """Show one document: metadata, cleaned text, its claims."""
    r = _open(db, read_only=True)
    d = r.document(doc)
    if d is None:
        _fail(UsageError(f"no single document matches {doc!r}", hint="see `rashomon docs`"))
    meta = {k: v for k, v in d.to_dict().items() if k not in ("text", "raw_text", "removed")}
    out.print_json(json.dumps(meta, ensure_ascii=False))
    out.print(d.text, markup=False, highlight=False)
    if removed:
        for rem in d.removed:
            out.print(f"- [{rem.rule}] {rem.start}-{rem.end}: {rem.text[:100]!r}", markup=False, highlight=False)
    for c in r.claims(doc=d.id):
        if not isinstance(c, TimeClaim):
            out.print(f"  {c.kind:8} {c.start:>6}-{c.end:<6} {c.text[:90]}", markup=False, highlight=False)


@app.command()
def export(
    db: str | None = DbOpt,
    format: str = typer.Option("json", "--format", "-f", help="json | jsonl | parquet | csv"),
    out_path: Path = typer.Option(Path("rashomon-export.json"), "--out", "-o"),
) -> None:
    """Write everything in the rashomon/1 format."""
    r = _open(db, read_only=True)
    try:
        path = r.export(format, out_path)
    except RashomonError as exc:
        _fail(exc)
    out.print(f"wrote {path}")


@app.command()
def sql(query: str, db: str | None = DbOpt, as_json: bool = typer.Option(False, "--json")) -> None:
    """Run a read-only SQL query on the store."""
    r = _open(db, read_only=True)
    try:
        cols, rows = r.sql(query)
    except RashomonError as exc:
        _fail(UsageError(exc.message, source=exc.source, hint=exc.hint))
    if as_json:
        out.print_json(json.dumps([dict(zip(cols, row)) for row in rows], default=str, ensure_ascii=False))
        return
    t = Table(*cols)
    for row in rows:
        t.add_row(*_plain(*row))
    out.print(t)


@app.command()
def findings(
    db: str | None = DbOpt,
    status: str | None = typer.Option(None),
    entity: str | None = typer.Option(None),
    outlet: str | None = typer.Option(None),
    story: str | None = typer.Option(None),
    review: str | None = typer.Option(None, "--review", help="unreviewed | confirmed | wrong | needs-check"),
) -> None:
    """The fact-checker's worksheet: linked facts, their verdicts and a person's review of each."""
    r = _open(db, read_only=True)
    try:
        found = r.findings(status=status, entity=entity, outlet=outlet, story=story, review=review)
    except RashomonError as exc:
        _fail(exc)
    book = review_mod.book(r.store)
    for f in found:
        out.print(f"[bold]{f.status:16}[/bold] {escape(f.summary)} [dim]{escape(f.id)}[/dim]", highlight=False)
        if rv := book.of(f.id):
            out.print(f"    reviewed: {_review_line(rv)}", markup=False, highlight=False)
        for s in f.independent_sources:
            out.print(
                f"    {s.value}: {s.independent_sources} independent source(s) "
                f"({', '.join(o or '?' for o in s.outlets)})",
                markup=False,
                highlight=False,
            )


def _review_line(rv: Review) -> str:
    return f"{rv.verdict} by {rv.reviewer} {rv.reviewed_at}" + (f": {rv.note}" if rv.note else "")


@app.command()
def review(
    finding: str = typer.Argument(..., help="Finding id (see `rashomon findings`) or evidence key (ev_...)."),
    verdict: str = typer.Option(..., "--verdict", help="confirmed | wrong | needs-check"),
    note: str = typer.Option("", "--note", help="Why: what was checked, against what."),
    by: str | None = typer.Option(None, "--by", help="Who reviews (default: the OS user name)."),
    db: str | None = DbOpt,
    wait: float = WaitOpt,
) -> None:
    """Confirm or overrule a finding's verdict (kept beside the machine's, never over it)."""
    r = _open(db, wait=wait)
    try:
        rv = r.review(finding, verdict, note, by)
    except RashomonError as exc:
        _fail(exc)
    out.print(f"review {rv.id} of {rv.finding} ({rv.status}, evidence {rv.evidence}): {_review_line(rv)}",
              markup=False, highlight=False)  # fmt: skip


@app.command()
def reviews(
    db: str | None = DbOpt,
    history: bool = typer.Option(False, "--history", help="Every review, not only the newest of each finding."),
) -> None:
    """People's reviews of findings; stale ones (their evidence is no longer a finding) are marked."""
    r = _open(db, read_only=True)
    t = Table("id", "when", "by", "verdict", "finding", "machine then", "note", "summary then")
    for rv in r.reviews(history=history):
        where = rv.applies_to or "stale"
        if not rv.latest:
            where += " (superseded)"
        t.add_row(*_plain(rv.id, rv.reviewed_at, rv.reviewer, rv.verdict, where, rv.status, rv.note, rv.summary[:80]))
    out.print(t)


@app.command()
def timeline(db: str | None = DbOpt) -> None:
    """Events and dated claims in date order, with the outlets reporting each."""
    r = _open(db, read_only=True)
    for t in r.timeline():
        out.print(f"{t.date:12} {t.label}  [{', '.join(o or '?' for o in t.outlets)}]", markup=False, highlight=False)


@app.command()
def incidents(
    db: str | None = DbOpt,
    type: str | None = typer.Option(None, "--type", help="shooting, attack, explosion, ..."),
    place: str | None = typer.Option(None, "--place", help="Part of the place or region name."),
    since: str | None = typer.Option(None, "--since", help="ISO date: incidents on or after it."),
    status: str | None = typer.Option(None, "--status", help="A figure's status: agree, conflict, update, ..."),
) -> None:
    """Every incident coded once: date, place, type, killed and injured with their status and reports."""
    r = _open(db, read_only=True)

    def fig(f: Figure | None) -> str:
        if f is None:
            return "-"
        v = f"{f.value:g}" if f.value is not None else (f">={f.low:g}" if f.low is not None else "?")
        return f"{v} ({f.status}, {len(f.reports)} rep.)"

    t = Table("date", "place", "region", "type", "killed", "injured", "docs")
    for i in r.incidents(type=type, place=place, since=since, status=status):
        t.add_row(*_plain(i.date or "?", i.place or "?", i.region or "", i.type or "?", fig(i.figure("killed")),
                          fig(i.figure("injured")), len(i.documents)))  # fmt: skip
    out.print(t)


@app.command()
def framing(db: str | None = DbOpt) -> None:
    """Term choices by outlet."""
    r = _open(db, read_only=True)
    rows = r.framing_table()
    t = Table("category", "group", "term", "outlet", "count")
    for row in rows:
        t.add_row(*_plain(row["category"], row["group"], row["term"], row["outlet"] or "?", row["count"]))
    out.print(t)


@app.command()
def matrix(db: str | None = DbOpt) -> None:
    """Outlet x outlet: findings agreed on, in conflict, differing in scope."""
    r = _open(db, read_only=True)
    t = Table("outlet A", "outlet B", "agree", "conflict", "scope_difference", "update")
    for row in r.matrix():
        t.add_row(
            *_plain(
                row["a"] or "?",
                row["b"] or "?",
                *(row.get(k, 0) for k in ("agree", "conflict", "scope_difference", "update")),
            )
        )
    out.print(t)


@app.command("eval")
def eval_(
    name: str = typer.Argument(
        ...,
        help="boilerplate | quantities | quotes | time | entities | stories | claimdiff | statements | "
        "incidents | crosscheck",
    ),
    data: Path = typer.Option(..., "--data", help="Gold data (a folder or file in ../shared/data)."),
    limit: int | None = typer.Option(None, help="Score only the first N items."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Score an extractor or judge against gold data."""
    from . import evaluate

    try:
        result = evaluate.run(name, data, Options(), limit=limit)
    except RashomonError as exc:
        _fail(exc)
    if as_json:
        out.print_json(json.dumps(result))
        return
    t = Table("metric", "value", title=f"eval {name}")
    for k, v in evaluate.flatten(result):
        t.add_row(k, f"{v:.4f}" if isinstance(v, float) else str(v))
    out.print(t)


@app.command()
def serve(
    db: str | None = DbOpt,
    host: str = typer.Option("127.0.0.1"),
    port: int = typer.Option(8000),
    review: bool = typer.Option(False, "--review", help="Let a person confirm or overrule findings (loopback only)."),
) -> None:
    """The local web UI (read-only, unless --review adds the review form)."""
    import uvicorn

    from .web.app import allowed_hosts, create_app
    from .web.reviewing import check_review_host

    try:
        if review:
            check_review_host(host)
        web = create_app(_db(db), allowed_hosts(host), review=review)
    except RashomonError as exc:
        _fail(exc)
    uvicorn.run(web, host=host, port=port, log_level="info")


@app.command()
def report(db: str | None = DbOpt, out_path: Path = typer.Option(Path("report.html"), "--out", "-o")) -> None:
    """One self-contained HTML report to send to an editor."""
    from .web.report import write_report

    r = _open(db, read_only=True)
    out.print(f"wrote {write_report(r, out_path)}")


class Stopped(BaseException):
    """SIGINT or SIGTERM arrived: unwinds like KeyboardInterrupt (open transactions roll back, worker
    pools shut down), but is not caught by ``except Exception`` nor turned into click's "Aborted!"."""

    def __init__(self, signum: int):
        self.signum = signum
        super().__init__(signum)


def _stop(signum: int, frame: object) -> None:
    raise Stopped(signum)


def main() -> None:
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, _stop)
    try:
        app()
    except RashomonError as exc:  # pragma: no cover - last resort
        err.print(f"error: {exc}", highlight=False)
        sys.exit(1)
    except Stopped as stop:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut this message short
        name = signal.Signals(stop.signum).name
        err.print(
            f"stopped by {name}: the batch in progress was not saved (everything before it was); "
            "run the command again to go on",
            highlight=False,
        )
        sys.exit(128 + stop.signum)


if __name__ == "__main__":
    main()
