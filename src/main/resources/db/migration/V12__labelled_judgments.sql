-- The judge report card, continued (issue 14).

-- Judges' verdicts on labelled pairs (JudgeBench files): asked of a live judge by `tribunal judges accuracy
-- --judge` (origin 'live'), or the decisions of a JudgeBench file whose judge_model names a known judge, stored
-- with `--store` (origin 'file'). pair_key is a SHA-256 of the question and both responses in the file's order;
-- label and verdict are in the order shown in that game: game 1 shows response_A first, game 2 response_B first,
-- so game 2's verdict is as the judge gave it (its A is the file's response_B). length_a / length_b are the
-- file's response_A / response_B lengths in characters. reasked: the first reply could not be parsed and the judge
-- was asked again (NULL when not known, e.g. for a file's decisions).
CREATE TABLE labelled_judgments (
    id              ${id_pk},
    judge_id        BIGINT NOT NULL REFERENCES contestants (id),
    pair_key        TEXT   NOT NULL,
    pair_id         TEXT,
    source          TEXT,
    label           TEXT   NOT NULL CHECK (label IN ('A>B', 'B>A')),
    game            INTEGER NOT NULL CHECK (game IN (1, 2)),
    verdict         TEXT CHECK (verdict IN ('A>>B', 'A>B', 'A=B', 'B>A', 'B>>A')),
    parse_status    TEXT   NOT NULL CHECK (parse_status IN ('ok', 'unparseable', 'error')),
    prompt_version  TEXT   NOT NULL,
    origin          TEXT   NOT NULL CHECK (origin IN ('live', 'file')),
    reasked         BOOLEAN,
    length_a        INTEGER NOT NULL,
    length_b        INTEGER NOT NULL,
    latency_ms      BIGINT,
    cost            DOUBLE PRECISION,
    created_at      BIGINT NOT NULL,
    CONSTRAINT labelled_judgments_unique UNIQUE (judge_id, pair_key, game, prompt_version)
);

-- Whether an evaluation's or a benchmark judgment's first reply could not be parsed, so the judge was asked again
-- (the re-ask rate on the report card). NULL for rows stored before this column existed.
ALTER TABLE evaluations ADD COLUMN reasked BOOLEAN;
ALTER TABLE judgments ADD COLUMN reasked BOOLEAN;
