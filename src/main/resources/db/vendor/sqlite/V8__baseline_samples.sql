-- Arena samples made from the baseline benchmark's comparisons (issue 9): samples.source gains 'baseline'.
--
-- SQLite cannot alter a CHECK constraint: the table is rebuilt, in the migration's one transaction, keeping every
-- row and id. evaluations and rounds reference samples (id), and foreign keys are enforced, so their checks are
-- deferred to the commit (PRAGMA defer_foreign_keys lasts until the transaction ends): dropping the old table
-- leaves those references dangling for a moment, and copying the rows back into the new table, ids unchanged,
-- satisfies them again. If any reference were still dangling at the commit, the commit fails and the whole
-- migration is rolled back: nothing can be lost. The table is not renamed: renaming would make SQLite rewrite the
-- children's REFERENCES to the old name.
PRAGMA defer_foreign_keys = ON;

CREATE TABLE samples_before_v8 AS SELECT * FROM samples;
DROP TABLE samples;

CREATE TABLE samples (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    kind            TEXT   NOT NULL CHECK (kind IN ('single', 'pair')),
    input           TEXT   NOT NULL,
    response        TEXT,
    response_a      TEXT,
    response_b      TEXT,
    model_a         TEXT,
    model_b         TEXT,
    reference       TEXT,
    rubric          TEXT,
    source          TEXT   NOT NULL CHECK (source IN ('demo', 'custom', 'generated', 'baseline')),
    category        TEXT,
    external_key    TEXT,
    submitter_hash  TEXT,
    created_at      BIGINT NOT NULL,
    CONSTRAINT samples_external_key UNIQUE (external_key),
    CONSTRAINT samples_responses CHECK (
        (kind = 'single' AND response IS NOT NULL AND response_a IS NULL AND response_b IS NULL)
     OR (kind = 'pair' AND response IS NULL AND response_a IS NOT NULL AND response_b IS NOT NULL))
);

INSERT INTO samples (id, kind, input, response, response_a, response_b, model_a, model_b, reference, rubric, source,
                     category, external_key, submitter_hash, created_at)
SELECT id, kind, input, response, response_a, response_b, model_a, model_b, reference, rubric, source,
       category, external_key, submitter_hash, created_at
FROM samples_before_v8;

DROP TABLE samples_before_v8;
CREATE INDEX samples_category ON samples (category);
