-- The baseline benchmark (issue 9): multi-turn questions and answers, and runs made of claimable work units.

-- A question set keeps its file order (--limit N takes the first N). A multi-turn question (MT-Bench) keeps its
-- user turns as a JSON array of strings in turns_json (prompt is turn 1) and its reference answers per turn as a
-- JSON array in references_json (reference is turn 1's); both are NULL for a single-turn question.
ALTER TABLE questions ADD COLUMN position INTEGER;
ALTER TABLE questions ADD COLUMN turns_json TEXT;
ALTER TABLE questions ADD COLUMN references_json TEXT;
CREATE INDEX questions_set_position ON questions (question_set, position, id);

-- A multi-turn answer keeps the model's reply to each turn as a JSON array in turns_json; content then holds
-- the replies joined by blank lines (what tokens and style features are counted on).
ALTER TABLE answers ADD COLUMN turns_json TEXT;

-- One row per `tribunal benchmark baseline` run: run_key is a hash of its canonical parameters, so the same
-- command finds (and resumes) the same run. Progress is counted from its units.
CREATE TABLE bench_runs (
    id           ${id_pk},
    run_key      TEXT   NOT NULL,
    params_json  TEXT   NOT NULL,
    state        TEXT   NOT NULL CHECK (state IN ('running', 'stopped', 'done', 'failed')),
    phase        TEXT,
    error        TEXT,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL,
    CONSTRAINT bench_runs_key UNIQUE (run_key)
);

-- The claimable units of a run: answer (question, model) or judge (question, model, judge, game). A worker claims
-- a unit with a lease it renews while working; a unit whose lease ran out (its worker died) is claimable again.
-- judge_id and game are 0 for answer units (0, not NULL, so that the unique key holds for them too).
CREATE TABLE bench_units (
    id           ${id_pk},
    run_id       BIGINT NOT NULL REFERENCES bench_runs (id),
    phase        TEXT   NOT NULL CHECK (phase IN ('answer', 'judge')),
    question_id  BIGINT NOT NULL REFERENCES questions (id),
    model_id     BIGINT NOT NULL REFERENCES contestants (id),
    judge_id     BIGINT NOT NULL DEFAULT 0,
    game         INTEGER NOT NULL DEFAULT 0 CHECK (game IN (0, 1, 2)),
    state        TEXT   NOT NULL CHECK (state IN ('pending', 'claimed', 'done', 'failed')),
    claimed_by   TEXT,
    lease_until  BIGINT,
    calls        INTEGER NOT NULL DEFAULT 0,            -- provider calls made (0 when answered from the cache)
    cost         DOUBLE PRECISION NOT NULL DEFAULT 0,   -- what those calls cost
    error        TEXT,
    updated_at   BIGINT NOT NULL,
    CONSTRAINT bench_units_unique UNIQUE (run_id, phase, question_id, model_id, judge_id, game)
);
CREATE INDEX bench_units_claim ON bench_units (run_id, phase, state, id);
