"""Review, written back: a person's verdict kept beside the machine's, keyed by the finding's
evidence (so it survives a re-analysis that leaves the evidence as it was), stale when the
evidence changes, history kept and the newest review shown."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

import rashomon
from rashomon import reviews
from rashomon.errors import StoreError, UsageError

from .fictional import write_corpus
from .web.conftest import build


@pytest.fixture()
def corpus(tmp_path):
    db = tmp_path / "s.duckdb"
    build(db)
    return rashomon.open(db)


def test_evidence_key_is_stable_and_order_free():
    a = reviews.evidence_key("quantity", "people killed", [("d2", 5, 9), ("d1", 0, 4)])
    assert a == reviews.evidence_key("quantity", "people killed", [("d1", 0, 4), ("d2", 5, 9)])
    assert re.fullmatch(r"ev_[0-9a-f]{16}", a)
    assert a != reviews.evidence_key("quantity", "people injured", [("d1", 0, 4), ("d2", 5, 9)])
    assert a != reviews.evidence_key("quantity", "people killed", [("d1", 0, 4), ("d2", 5, 10)])


@pytest.mark.parametrize(
    "given,verdict",
    [("confirmed", "confirmed"), ("WRONG", "wrong"), ("needs_check", "needs-check"), ("needs check", "needs-check")],
)
def test_verdicts_are_read_leniently(given, verdict):
    assert reviews.check_verdict(given) == verdict


def test_bad_input_is_a_usage_error_that_lists_the_choices(corpus):
    with pytest.raises(UsageError, match="choose one of confirmed, wrong, needs-check"):
        corpus.review("f_toll", "maybe")
    with pytest.raises(UsageError, match="no finding 'f_nope'.*rashomon findings"):
        corpus.review("f_nope", "confirmed")
    with pytest.raises(UsageError, match="keep it under 2000"):
        corpus.review("f_toll", "wrong", "x" * 2001)
    with pytest.raises(UsageError, match="unreviewed, confirmed, wrong, needs-check"):
        corpus.findings(review="done")
    assert corpus.reviews() == []


def test_review_is_written_beside_the_machine_verdict(corpus):
    rv = corpus.review("f_toll", "wrong", "  the Times later said 41\x07 ", by="ana")
    assert (rv.id, rv.verdict, rv.note, rv.reviewer) == (1, "wrong", "the Times later said 41", "ana")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", rv.reviewed_at)
    assert (rv.finding, rv.status, rv.applies_to, rv.latest) == ("f_toll", "conflict", "f_toll", True)
    assert [f.status for f in corpus.findings() if f.id == "f_toll"] == ["conflict"]  # the machine's, untouched
    assert corpus.store.count("findings") == 2


def test_the_os_user_reviews_when_no_name_is_given(corpus, monkeypatch):
    monkeypatch.setattr(reviews.getpass, "getuser", lambda: "desk-user")
    assert corpus.review("f_toll", "confirmed").reviewer == "desk-user"


def test_history_is_kept_and_the_newest_review_is_shown(corpus):
    corpus.review("f_toll", "needs-check", "call the mayor's office", by="ana")
    corpus.review("f_toll", "confirmed", "the office confirmed both figures", by="ben")
    shown = corpus.reviews()
    assert [(r.id, r.verdict, r.reviewer) for r in shown] == [(2, "confirmed", "ben")]
    every = corpus.reviews(history=True)
    assert [(r.id, r.latest) for r in every] == [(1, False), (2, True)]
    assert [f.id for f in corpus.findings(review="confirmed")] == ["f_toll"]
    assert corpus.findings(review="needs-check") == []
    assert [f.id for f in corpus.findings(review="unreviewed")] == ["f_evil"]


def test_a_finding_is_named_by_its_evidence_key_too(corpus):
    key = reviews.book(corpus.store)  # no reviews yet: nothing computed
    assert key.history == [] and key.state("f_toll") == "unreviewed"
    ev = reviews.evidence_key(*corpus.store.finding_evidence(["f_toll"])["f_toll"])
    assert corpus.review(ev, "confirmed").finding == "f_toll"


def test_review_follows_the_evidence_when_the_finding_is_renamed(corpus):
    corpus.review("f_toll", "confirmed", by="ana")
    findings = corpus.findings()
    renamed = [replace(f, id="f_toll_v2") if f.id == "f_toll" else f for f in findings]
    corpus.store.replace_corpus(findings=renamed, stories=corpus.stories(), entities=corpus.entities())
    shown = corpus.reviews()
    assert [(r.finding, r.applies_to) for r in shown] == [("f_toll", "f_toll_v2")]
    assert reviews.book(corpus.store).state("f_toll_v2") == "confirmed"


def test_review_is_stale_when_the_evidence_changes(corpus):
    corpus.review("f_toll", "confirmed", by="ana")
    findings = corpus.findings()
    changed = [replace(f, claims=f.claims[:1]) if f.id == "f_toll" else f for f in findings]
    corpus.store.replace_corpus(findings=changed)
    book = reviews.book(corpus.store)
    assert [(r.finding, r.applies_to) for r in book.stale()] == [("f_toll", None)]
    assert book.state("f_toll") == "unreviewed" and book.of("f_toll") is None
    assert book.counts() == {"confirmed": 0, "wrong": 0, "needs-check": 0, "stale": 1}
    assert corpus.store.review_count() == 1  # kept, not applied


def test_a_read_only_handle_cannot_review(corpus):
    ro = rashomon.open(corpus.store.path, read_only=True)
    with pytest.raises(StoreError, match="read-only"):
        ro.review("f_toll", "confirmed")


def test_review_survives_reanalysis_of_an_unchanged_corpus(tmp_path):
    r = rashomon.open(tmp_path / "s.duckdb")
    r.ingest(write_corpus(tmp_path / "corpus", 4))
    r.analyze()
    target = next(f for f in r.findings() if f.status == "conflict")
    r.review(target.id, "needs-check", "ask the outlets", by="ana")
    r.analyze()  # rebuilds every finding from scratch
    [shown] = r.reviews()
    assert shown.applies_to is not None and shown.verdict == "needs-check"
    assert [f.id for f in r.findings(review="needs-check")] == [shown.applies_to]
    evidence = r.store.finding_evidence([shown.applies_to])[shown.applies_to]
    assert reviews.evidence_key(*evidence) == shown.evidence
