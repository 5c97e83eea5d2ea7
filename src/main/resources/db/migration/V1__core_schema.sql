-- Tribunal's core schema. One file for SQLite and PostgreSQL: the few type differences come in as
-- placeholders that dev.tribunal.store.Dialect fills in (${id_pk}: an auto-generated BIGINT primary key).
-- Times are epoch milliseconds (BIGINT) in both databases; JSON is stored as TEXT.

CREATE TABLE contestants (
    id            ${id_pk},
    kind          TEXT    NOT NULL CHECK (kind IN ('model', 'judge')),
    name          TEXT    NOT NULL,
    display_name  TEXT    NOT NULL,
    organisation  TEXT,
    licence       TEXT,
    endpoint      TEXT,
    active        BOOLEAN NOT NULL DEFAULT TRUE,
    created_at    BIGINT  NOT NULL,
    -- one name per kind: "gpt4" can be both an answering model and a judge
    CONSTRAINT contestants_kind_name UNIQUE (kind, name)
);

CREATE TABLE samples (
    id              ${id_pk},
    kind            TEXT   NOT NULL CHECK (kind IN ('single', 'pair')),
    input           TEXT   NOT NULL,
    response        TEXT,
    response_a      TEXT,
    response_b      TEXT,
    -- names of the models that wrote the responses, when known (single: model_a wrote response)
    model_a         TEXT,
    model_b         TEXT,
    reference       TEXT,
    rubric          TEXT,
    source          TEXT   NOT NULL CHECK (source IN ('demo', 'custom', 'generated')),
    category        TEXT,
    external_key    TEXT,
    submitter_hash  TEXT,
    created_at      BIGINT NOT NULL,
    CONSTRAINT samples_external_key UNIQUE (external_key),
    CONSTRAINT samples_responses CHECK (
        (kind = 'single' AND response IS NOT NULL AND response_a IS NULL AND response_b IS NULL)
     OR (kind = 'pair' AND response IS NULL AND response_a IS NOT NULL AND response_b IS NOT NULL))
);
CREATE INDEX samples_category ON samples (category);

CREATE TABLE evaluations (
    id              ${id_pk},
    sample_id       BIGINT NOT NULL REFERENCES samples (id),
    judge_id        BIGINT NOT NULL REFERENCES contestants (id),
    verdict         TEXT CHECK (verdict IN ('A>>B', 'A>B', 'A=B', 'B>A', 'B>>A')),
    score           INTEGER CHECK (score BETWEEN 1 AND 5),
    critique        TEXT,
    prompt_version  TEXT   NOT NULL,
    request_key     TEXT,
    raw_output      TEXT,
    parse_status    TEXT   NOT NULL CHECK (parse_status IN ('ok', 'unparseable', 'error')),
    latency_ms      BIGINT,
    input_tokens    BIGINT,
    output_tokens   BIGINT,
    cost            DOUBLE PRECISION,
    created_at      BIGINT NOT NULL,
    CONSTRAINT evaluations_sample_judge_prompt UNIQUE (sample_id, judge_id, prompt_version)
);
CREATE INDEX evaluations_judge ON evaluations (judge_id);

-- An arena round shows two evaluations of one sample under an opaque id chosen by the caller.
CREATE TABLE rounds (
    id          TEXT   PRIMARY KEY,
    sample_id   BIGINT NOT NULL REFERENCES samples (id),
    eval_a_id   BIGINT NOT NULL REFERENCES evaluations (id),
    eval_b_id   BIGINT NOT NULL REFERENCES evaluations (id),
    voter_hash  TEXT,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    CONSTRAINT rounds_two_evaluations CHECK (eval_a_id <> eval_b_id)
);
CREATE INDEX rounds_voter ON rounds (voter_hash, created_at);
CREATE INDEX rounds_expiry ON rounds (expires_at);

-- The primary key on round_id is what makes it one vote per round.
CREATE TABLE votes (
    round_id    TEXT   PRIMARY KEY REFERENCES rounds (id),
    choice      TEXT   NOT NULL CHECK (choice IN ('A', 'B', 'tie', 'both_bad')),
    voter_hash  TEXT   NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX votes_voter ON votes (voter_hash, created_at);
CREATE INDEX votes_time ON votes (created_at);

-- The common record every source of evidence ends in (see dev.tribunal.rating.Battle).
-- kind says whether a and b name models or judges (contestants.kind).
CREATE TABLE battles (
    id            ${id_pk},
    kind          TEXT   NOT NULL CHECK (kind IN ('model', 'judge')),
    a             TEXT   NOT NULL,
    b             TEXT   NOT NULL,
    outcome       DOUBLE PRECISION NOT NULL CHECK (outcome >= 0 AND outcome <= 1),
    weight        DOUBLE PRECISION NOT NULL CHECK (weight > 0),
    source        TEXT   NOT NULL,
    category      TEXT,
    created_at    BIGINT NOT NULL,
    a_tokens      DOUBLE PRECISION,
    a_headers     DOUBLE PRECISION,
    a_lists       DOUBLE PRECISION,
    a_bold        DOUBLE PRECISION,
    b_tokens      DOUBLE PRECISION,
    b_headers     DOUBLE PRECISION,
    b_lists       DOUBLE PRECISION,
    b_bold        DOUBLE PRECISION,
    vote_id       TEXT REFERENCES votes (round_id),
    external_key  TEXT,
    CONSTRAINT battles_two_contestants CHECK (a <> b),
    CONSTRAINT battles_vote UNIQUE (vote_id),
    CONSTRAINT battles_external_key UNIQUE (external_key)
);
CREATE INDEX battles_kind_time ON battles (kind, created_at, id);
CREATE INDEX battles_source ON battles (source);

-- Leaderboards are immutable: rows are inserted once and never updated.
CREATE TABLE snapshots (
    id             ${id_pk},
    kind           TEXT   NOT NULL CHECK (kind IN ('model', 'judge')),
    source         TEXT   NOT NULL,
    category       TEXT,
    computed_at    BIGINT NOT NULL,
    cutoff         BIGINT NOT NULL,
    battle_count   BIGINT NOT NULL,
    inputs_hash    TEXT   NOT NULL,
    settings_json  TEXT   NOT NULL,
    status         TEXT   NOT NULL CHECK (status IN ('ok', 'failed')),
    error          TEXT
);
CREATE INDEX snapshots_latest ON snapshots (kind, source, category, status, computed_at);

CREATE TABLE snapshot_rows (
    snapshot_id   BIGINT NOT NULL REFERENCES snapshots (id),
    contestant    TEXT   NOT NULL,
    rank_ub       INTEGER NOT NULL,
    rating        DOUBLE PRECISION NOT NULL,
    rating_lower  DOUBLE PRECISION,
    rating_upper  DOUBLE PRECISION,
    score         DOUBLE PRECISION,
    score_lower   DOUBLE PRECISION,
    score_upper   DOUBLE PRECISION,
    battles       DOUBLE PRECISION NOT NULL,
    avg_tokens    DOUBLE PRECISION,
    PRIMARY KEY (snapshot_id, contestant)
);

CREATE TABLE jobs (
    id           ${id_pk},
    kind         TEXT   NOT NULL,
    params_json  TEXT   NOT NULL,
    state        TEXT   NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
    progress     DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1),
    message      TEXT,
    error        TEXT,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL,
    claimed_by   TEXT
);
CREATE INDEX jobs_state ON jobs (state, id);

-- Benchmark side: question sets, model answers, and judges' verdicts on pairs of answers.
CREATE TABLE questions (
    id            ${id_pk},
    question_set  TEXT   NOT NULL,
    external_key  TEXT,
    category      TEXT,
    topic         TEXT,
    difficulty    TEXT,
    prompt        TEXT   NOT NULL,
    reference     TEXT,
    generated_by  BIGINT REFERENCES contestants (id),
    quality       DOUBLE PRECISION,
    created_at    BIGINT NOT NULL,
    CONSTRAINT questions_external_key UNIQUE (external_key)
);
CREATE INDEX questions_set ON questions (question_set);

CREATE TABLE answers (
    id           ${id_pk},
    question_id  BIGINT NOT NULL REFERENCES questions (id),
    model_id     BIGINT NOT NULL REFERENCES contestants (id),
    content      TEXT   NOT NULL,
    tokens       BIGINT,
    latency_ms   BIGINT,
    cost         DOUBLE PRECISION,
    created_at   BIGINT NOT NULL,
    CONSTRAINT answers_question_model UNIQUE (question_id, model_id)
);

-- answer_b_id is null for a single-answer grading (score); game 2 is the position-swapped pair.
CREATE TABLE judgments (
    id              ${id_pk},
    question_id     BIGINT NOT NULL REFERENCES questions (id),
    judge_id        BIGINT NOT NULL REFERENCES contestants (id),
    answer_a_id     BIGINT NOT NULL REFERENCES answers (id),
    answer_b_id     BIGINT REFERENCES answers (id),
    game            INTEGER NOT NULL CHECK (game IN (1, 2)),
    verdict         TEXT CHECK (verdict IN ('A>>B', 'A>B', 'A=B', 'B>A', 'B>>A')),
    score           DOUBLE PRECISION,
    critique        TEXT,
    prompt_version  TEXT   NOT NULL,
    raw_output      TEXT,
    parse_status    TEXT   NOT NULL CHECK (parse_status IN ('ok', 'unparseable', 'error')),
    latency_ms      BIGINT,
    input_tokens    BIGINT,
    output_tokens   BIGINT,
    cost            DOUBLE PRECISION,
    created_at      BIGINT NOT NULL,
    CONSTRAINT judgments_unique UNIQUE (answer_a_id, answer_b_id, judge_id, game, prompt_version)
);
CREATE INDEX judgments_question ON judgments (question_id);

-- Small named values the service keeps across restarts (e.g. the generated voter secret).
CREATE TABLE settings (
    name        TEXT   PRIMARY KEY,
    value       TEXT   NOT NULL,
    created_at  BIGINT NOT NULL
);
