-- The collective benchmark's units (issue 13): bench_units.phase gains 'rate_question' (a pool model rates a written
-- question: model_id = its author) and 'rate_answer' (a pool model rates a model's answer).
--
-- SQLite cannot alter a CHECK constraint: the table is rebuilt in the migration's one transaction, keeping every row
-- and id (as V8 does for samples; nothing references bench_units). Every column bench_units has at V16 is copied.
CREATE TABLE bench_units_before_v16 AS SELECT * FROM bench_units;
DROP TABLE bench_units;

CREATE TABLE bench_units (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id       BIGINT NOT NULL REFERENCES bench_runs (id),
    phase        TEXT   NOT NULL CHECK (phase IN ('answer', 'judge', 'rate_question', 'rate_answer')),
    question_id  BIGINT NOT NULL REFERENCES questions (id),
    model_id     BIGINT NOT NULL REFERENCES contestants (id),
    judge_id     BIGINT NOT NULL DEFAULT 0,
    game         INTEGER NOT NULL DEFAULT 0 CHECK (game IN (0, 1, 2)),
    state        TEXT   NOT NULL CHECK (state IN ('pending', 'claimed', 'done', 'failed')),
    claimed_by   TEXT,
    lease_until  BIGINT,
    calls        INTEGER NOT NULL DEFAULT 0,
    cost         DOUBLE PRECISION NOT NULL DEFAULT 0,
    error        TEXT,
    updated_at   BIGINT NOT NULL,
    CONSTRAINT bench_units_unique UNIQUE (run_id, phase, question_id, model_id, judge_id, game)
);

INSERT INTO bench_units (id, run_id, phase, question_id, model_id, judge_id, game, state, claimed_by, lease_until,
                         calls, cost, error, updated_at)
SELECT id, run_id, phase, question_id, model_id, judge_id, game, state, claimed_by, lease_until,
       calls, cost, error, updated_at
FROM bench_units_before_v16;

DROP TABLE bench_units_before_v16;
CREATE INDEX bench_units_claim ON bench_units (run_id, phase, state, id);
