"""The CLI: exit codes, every command documented in the README, the API mirrors it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
from typer.testing import CliRunner

import rashomon
from rashomon.cli import app
from rashomon.store.export import SCHEMA_PATH

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text("utf-8")
    commands = [c.name or c.callback.__name__ for c in app.registered_commands]
    assert len(commands) >= 13
    missing = [c for c in commands if not re.search(rf"rashomon {re.escape(c)}\b", readme)]
    assert not missing, f"commands missing from README.md: {missing}"


def test_readme_opens_with_the_two_setup_commands():
    readme = (ROOT / "README.md").read_text("utf-8")
    first_block = re.search(r"```(?:bash|sh)?\n(.*?)```", readme, re.S).group(1).strip().splitlines()
    assert first_block == ["make demo", "make test"]
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert "make test" in ci


def test_usage_error_exit_code_2(tmp_path):
    r = runner.invoke(app, ["export", "--db", str(tmp_path / "x.duckdb")])
    assert r.exit_code in (1, 2)
    r = runner.invoke(app, ["ingest", "--field", "nonsense", str(tmp_path)])
    assert r.exit_code == 2


def test_ingest_failures_exit_1_and_name_the_file(tmp_path):
    (tmp_path / "good.txt").write_text("Flood in Port Aven\n\nThe river rose two metres overnight, officials said.\n")
    (tmp_path / "empty.txt").write_text("")
    db = str(tmp_path / "s.duckdb")
    r = runner.invoke(app, ["ingest", str(tmp_path), "--db", db])
    assert r.exit_code == 1
    assert "empty.txt" in r.output
    r = runner.invoke(app, ["docs", "--db", db])
    assert r.exit_code == 0 and "good.txt" in r.output


def test_analyze_failures_exit_1_and_name_the_file_and_the_document(nlp, tmp_path, monkeypatch):
    from rashomon.extract import quotes

    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("Flood in Port Aven\n\nThe river rose two metres overnight, officials said.\n")
    (src / "bad.txt").write_text("Storm in Port Aven\n\nThe storm cut power to 300 homes, the mayor said.\n")
    db = str(tmp_path / "s.duckdb")
    assert runner.invoke(app, ["ingest", str(src), "--db", db]).exit_code == 0
    extract = quotes.extract

    def flaky(sdoc, document, **kw):
        if document.source.endswith("bad.txt"):
            raise KeyError("speaker")
        return extract(sdoc, document, **kw)

    monkeypatch.setattr(quotes, "extract", flaky)
    r = runner.invoke(app, ["analyze", "--db", db])
    assert r.exit_code == 1, r.output
    assert "analyzed 1 new document(s)" in r.output
    assert re.search(r"bad\.txt \(d_\w+\): \[E402\] KeyError: 'speaker' \(at test_cli\.py:\d+ in flaky\)", r.output)
    for command in (["docs"], ["export", "--format", "json", "--out", str(tmp_path / "x.json")]):
        assert runner.invoke(app, [*command, "--db", db]).exit_code == 0
    assert "bad.txt" in runner.invoke(app, ["docs", "--db", db]).output
    exported = json.loads((tmp_path / "x.json").read_text())
    jsonschema.validate(exported, json.loads(SCHEMA_PATH.read_text()))
    assert [e["source"].rsplit("/", 1)[-1] for e in exported["extraction_errors"]] == ["bad.txt"]


def test_api_round_trip_and_export_validates(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(
        "Flood in Port Aven\n\nMore than 40 people were evacuated from Port Aven on "
        "Saturday, the mayor Mira Castellan said.\n"
    )
    r = rashomon.open(tmp_path / "s.duckdb")
    rep = r.ingest(src)
    assert rep.added == 1 and not rep.errors
    r.analyze()
    assert [d.source for d in r.documents()] == [str(src / "a.txt")]
    out = r.export("json", tmp_path / "out.json")
    data = json.loads(out.read_text("utf-8"))
    jsonschema.validate(data, json.loads(SCHEMA_PATH.read_text("utf-8")))
    for section in ("claims", "framing"):
        for rec in data[section]:
            doc = next(d for d in data["documents"] if d["id"] == rec["doc"])
            assert doc["text"][rec["start"] : rec["end"]] == rec["text"]
    for fmt in ("jsonl", "csv", "parquet"):
        assert r.export(fmt, tmp_path / f"out-{fmt}").exists()
    assert r.sql("SELECT count(*) FROM documents")[1] == [(1,)]


def test_db_can_be_given_before_the_command(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a command that ignored --db would write ./rashomon.duckdb here
    (tmp_path / "a.txt").write_text("Flood in Port Aven\n\nThe river rose two metres overnight, officials said.\n")
    db = str(tmp_path / "global.duckdb")
    assert runner.invoke(app, ["--db", db, "ingest", str(tmp_path / "a.txt")]).exit_code == 0
    assert (tmp_path / "global.duckdb").exists() and not (tmp_path / "rashomon.duckdb").exists()
    r = runner.invoke(app, ["--db", db, "docs"])
    assert r.exit_code == 0 and "a.txt" in r.output
    r = runner.invoke(app, ["docs"], env={"RASHOMON_DB": db})
    assert r.exit_code == 0 and "a.txt" in r.output


def test_brackets_in_stored_text_are_printed_not_read_as_markup(tmp_path):
    (tmp_path / "b.txt").write_text("Talks [bold] resume\n\nThe [red]council[/red] met on Monday, officials said.\n")
    db = str(tmp_path / "b.duckdb")
    assert runner.invoke(app, ["ingest", str(tmp_path / "b.txt"), "--db", db]).exit_code == 0
    r = runner.invoke(app, ["sql", "SELECT text FROM documents", "--db", db])
    assert r.exit_code == 0 and "[red]council[/red]" in r.output
    r = runner.invoke(app, ["docs", "--db", db])
    assert "Talks [bold] resume" in r.output


def test_review_and_reviews_commands(tmp_path):
    from tests.web.conftest import build

    db = str(tmp_path / "r.duckdb")
    build(db)
    r = runner.invoke(app, ["review", "f_toll", "--verdict", "wrong", "--note", "the Times said 41", "--by", "ana",
                            "--db", db])  # fmt: skip
    assert r.exit_code == 0, r.output
    assert re.search(r"review 1 of f_toll \(conflict, evidence ev_[0-9a-f]{16}\): wrong by ana \d{4}-", r.output)
    assert runner.invoke(app, ["review", "f_toll", "--verdict", "needs check", "--db", db]).exit_code == 0
    r = runner.invoke(app, ["findings", "--review", "needs-check", "--db", db])
    assert r.exit_code == 0 and "f_toll" in r.output and "reviewed: needs-check by" in r.output
    assert "f_evil" not in r.output
    r = runner.invoke(app, ["findings", "--review", "unreviewed", "--db", db])
    assert "f_evil" in r.output and "f_toll" not in r.output
    assert runner.invoke(app, ["findings", "--review", "bogus", "--db", db]).exit_code == 2
    listed = runner.invoke(app, ["reviews", "--db", db]).output
    assert "needs-check" in listed and "the Times said 41" not in listed
    history = runner.invoke(app, ["reviews", "--history", "--db", db]).output
    assert "the Times said 41" in history and "superseded" in history
    r = runner.invoke(app, ["review", "f_nope", "--verdict", "confirmed", "--db", db])
    assert r.exit_code == 2 and "no finding 'f_nope'" in r.output
    r = runner.invoke(app, ["review", "f_toll", "--verdict", "perhaps", "--db", db])
    assert r.exit_code == 2 and "choose one of confirmed, wrong, needs-check" in r.output
