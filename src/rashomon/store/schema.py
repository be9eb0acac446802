"""The versioned DuckDB schema. Each migration is a list of statements; the store
applies the ones newer than the file's ``schema_version`` inside one transaction."""

from __future__ import annotations

SCHEMA_VERSION = 8

MIGRATIONS: dict[int, list[str]] = {
    1: [
        "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
        """CREATE TABLE documents (
            id VARCHAR PRIMARY KEY, source VARCHAR NOT NULL, title VARCHAR, url VARCHAR,
            outlet VARCHAR, author VARCHAR, published VARCHAR, published_how VARCHAR,
            published_window_from VARCHAR, published_window_to VARCHAR, published_evidence VARCHAR,
            language VARCHAR, duplicate_of VARCHAR, similarity DOUBLE,
            content_hash VARCHAR NOT NULL UNIQUE, format VARCHAR, text VARCHAR NOT NULL,
            raw_text VARCHAR NOT NULL, seq BIGINT NOT NULL)""",
        """CREATE TABLE removals (doc VARCHAR NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            rule VARCHAR NOT NULL, text VARCHAR)""",
        "CREATE TABLE doc_signatures (doc VARCHAR PRIMARY KEY, sig BLOB NOT NULL)",
        "CREATE TABLE doc_sources (doc VARCHAR NOT NULL, source VARCHAR NOT NULL, PRIMARY KEY (doc, source))",
        """CREATE TABLE ingest_errors (source VARCHAR NOT NULL, code VARCHAR, reason VARCHAR NOT NULL,
            PRIMARY KEY (source, reason))""",
        """CREATE TABLE stage_runs (doc VARCHAR NOT NULL, stage VARCHAR NOT NULL,
            PRIMARY KEY (doc, stage))""",
        """CREATE TABLE mentions (doc VARCHAR NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            text VARCHAR, label VARCHAR, stage VARCHAR)""",
        """CREATE TABLE claims (
            id VARCHAR PRIMARY KEY, doc VARCHAR NOT NULL, kind VARCHAR NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, text VARCHAR, stage VARCHAR,
            value DOUBLE, value_list DOUBLE[], low DOUBLE, high DOUBLE, approx BOOLEAN, unit VARCHAR,
            what VARCHAR, predicate VARCHAR, place VARCHAR, time VARCHAR, attributed_to VARCHAR,
            change VARCHAR, speaker VARCHAR, speaker_text VARCHAR, speaker_start INTEGER,
            speaker_end INTEGER, cue VARCHAR, direct BOOLEAN, content_start INTEGER, content_end INTEGER,
            value_iso VARCHAR, timex_type VARCHAR, actor VARCHAR, action VARCHAR, target VARCHAR)""",
        """CREATE TABLE entities (id VARCHAR PRIMARY KEY, name VARCHAR, type VARCHAR,
            aliases VARCHAR[], attrs JSON)""",
        """CREATE TABLE entity_mentions (entity VARCHAR NOT NULL, doc VARCHAR NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, text VARCHAR)""",
        "CREATE TABLE stories (id VARCHAR PRIMARY KEY, label VARCHAR)",
        "CREATE TABLE story_docs (story VARCHAR NOT NULL, doc VARCHAR NOT NULL)",
        """CREATE TABLE findings (id VARCHAR PRIMARY KEY, status VARCHAR NOT NULL, summary VARCHAR,
            kind VARCHAR, key VARCHAR, story VARCHAR, independent_sources JSON, entities VARCHAR[],
            outlets VARCHAR[], flags VARCHAR[], stage VARCHAR)""",
        "CREATE TABLE finding_claims (finding VARCHAR NOT NULL, claim VARCHAR NOT NULL, pos INTEGER)",
        """CREATE TABLE framing (doc VARCHAR NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            text VARCHAR, category VARCHAR, term VARCHAR, "group" VARCHAR, outlet VARCHAR, stage VARCHAR)""",
        """CREATE TABLE timeline (date VARCHAR NOT NULL, label VARCHAR, claims VARCHAR[],
            outlets VARCHAR[], docs VARCHAR[], pos INTEGER)""",
    ],
    2: [
        # documents an extractor failed on (they stay pending in stage_runs and are retried)
        """CREATE TABLE extraction_errors (doc VARCHAR NOT NULL, stage VARCHAR NOT NULL, code VARCHAR,
            reason VARCHAR NOT NULL, PRIMARY KEY (doc, stage))""",
    ],
    3: [
        # one row per extraction stage and version (was one 'extract@1' row for all five, at version 1)
        """INSERT OR IGNORE INTO stage_runs SELECT doc, unnest(['time@1', 'entities@1', 'quantities@1', 'quotes@1',
            'events@1']) FROM stage_runs WHERE stage = 'extract@1'""",
        "DELETE FROM stage_runs WHERE stage = 'extract@1'",
    ],
    4: [
        # casualty claims (killed / injured, how many, who) and the incidents coded from them
        "ALTER TABLE claims ADD COLUMN IF NOT EXISTS measure VARCHAR",
        "ALTER TABLE claims ADD COLUMN IF NOT EXISTS who VARCHAR",
        """CREATE TABLE IF NOT EXISTS incidents (id VARCHAR PRIMARY KEY, type VARCHAR, date VARCHAR, place VARCHAR,
            region VARCHAR, docs VARCHAR[], figures JSON, stage VARCHAR, pos INTEGER)""",
    ],
    5: [
        # a person's verdicts on findings, keyed by the finding's evidence; never rebuilt by analyze
        """CREATE TABLE IF NOT EXISTS reviews (id BIGINT PRIMARY KEY, evidence VARCHAR NOT NULL,
            verdict VARCHAR NOT NULL, note VARCHAR, reviewer VARCHAR NOT NULL, reviewed_at VARCHAR NOT NULL,
            finding VARCHAR, status VARCHAR, summary VARCHAR)""",
    ],
    6: [
        # where an incident's date and place are stated (document and span per report)
        "ALTER TABLE incidents ADD COLUMN IF NOT EXISTS evidence JSON",
    ],
    7: [
        # a casualty claim read from the document's title: its offsets index the title
        "ALTER TABLE claims ADD COLUMN IF NOT EXISTS part VARCHAR",
    ],
    8: [
        # the time zone a time of day states ("UTC", "EST", "local")
        "ALTER TABLE claims ADD COLUMN IF NOT EXISTS zone VARCHAR",
    ],
}

# Tables rebuilt from scratch by the corpus-level stages on every analyze.
CORPUS_TABLES = (
    "incidents",
    "entities",
    "entity_mentions",
    "stories",
    "story_docs",
    "findings",
    "finding_claims",
    "framing",
    "timeline",
)
# Tables filled per document by the extraction stages.
DOC_TABLES = ("mentions", "claims")
