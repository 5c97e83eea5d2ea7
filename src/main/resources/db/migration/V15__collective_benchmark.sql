-- The collective benchmark (issue 13): the pool of models writes, rates, answers and judges its own questions.

-- What kind of benchmark a run is ('baseline' or 'collective'), so that the server resumes each with its pipeline.
ALTER TABLE bench_runs ADD COLUMN kind TEXT NOT NULL DEFAULT 'baseline';

-- Every question a pool model wrote for a collective run (the question itself is a row of questions, set
-- 'collective:<run>', external key 'collective:<run>:<iteration>:<attempt>'): the iteration and attempt it was written
-- for, and what the pool made of it. state: pending (written, not yet rated), accepted, rejected (its weighted mean
-- or weighted median rating fell below the thresholds), duplicate (too close to an earlier question of the run),
-- failed (its author's reply held no question). quality_mean / quality_median: the weighted mean and weighted
-- median of its ratings (NULL until rated). cost: what writing it cost (0 when the reply came from the cache).
CREATE TABLE collective_questions (
    question_id     BIGINT PRIMARY KEY REFERENCES questions (id),
    run_id          BIGINT NOT NULL REFERENCES bench_runs (id),
    iteration       INTEGER NOT NULL,
    attempt         INTEGER NOT NULL,
    state           TEXT   NOT NULL CHECK (state IN ('pending', 'accepted', 'rejected', 'duplicate', 'failed')),
    quality_mean    DOUBLE PRECISION,
    quality_median  DOUBLE PRECISION,
    cost            DOUBLE PRECISION NOT NULL DEFAULT 0,
    CONSTRAINT collective_questions_attempt UNIQUE (run_id, iteration, attempt)
);

-- Collective votes: one pool model's rating (1-5, with a short critique) of a question (model_id = 0, answer_id
-- NULL) or of a model's answer to it, beside the human votes. score is NULL when the reply could not be parsed.
CREATE TABLE collective_votes (
    id              ${id_pk},
    run_id          BIGINT NOT NULL REFERENCES bench_runs (id),
    question_id     BIGINT NOT NULL REFERENCES questions (id),
    model_id        BIGINT NOT NULL DEFAULT 0,
    answer_id       BIGINT REFERENCES answers (id),
    judge_id        BIGINT NOT NULL REFERENCES contestants (id),
    score           INTEGER CHECK (score BETWEEN 1 AND 5),
    critique        TEXT,
    prompt_version  TEXT   NOT NULL,
    raw_output      TEXT,
    parse_status    TEXT   NOT NULL CHECK (parse_status IN ('ok', 'unparseable', 'error')),
    reasked         BOOLEAN,
    latency_ms      BIGINT,
    input_tokens    BIGINT,
    output_tokens   BIGINT,
    cost            DOUBLE PRECISION,
    created_at      BIGINT NOT NULL,
    CONSTRAINT collective_votes_unique UNIQUE (question_id, model_id, judge_id, prompt_version)
);
CREATE INDEX collective_votes_run ON collective_votes (run_id, question_id);

-- The judges' weights after each iteration of a collective run (the iteration is done once its weights are here);
-- a later run may start from a run's last weights (--from-run).
CREATE TABLE collective_weights (
    run_id     BIGINT NOT NULL REFERENCES bench_runs (id),
    iteration  INTEGER NOT NULL,
    judge_id   BIGINT NOT NULL REFERENCES contestants (id),
    weight     DOUBLE PRECISION NOT NULL CHECK (weight >= 0),
    PRIMARY KEY (run_id, iteration, judge_id)
);
