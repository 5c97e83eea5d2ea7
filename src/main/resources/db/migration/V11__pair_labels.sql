-- The judge report card (issue 14): people's labels on pair samples, so that a judge's verdicts can be compared
-- with theirs on the same answers. outcome is for the sample's response_a: 1 = A is better, 0 = B, 0.5 = a tie.
-- The demo loads one row per PRD human vote, on the sample that shows the two answers in the vote's order.
CREATE TABLE pair_labels (
    id            ${id_pk},
    sample_id     BIGINT NOT NULL REFERENCES samples (id),
    outcome       DOUBLE PRECISION NOT NULL CHECK (outcome >= 0 AND outcome <= 1),
    source        TEXT   NOT NULL,
    external_key  TEXT,
    created_at    BIGINT NOT NULL,
    CONSTRAINT pair_labels_external_key UNIQUE (external_key)
);
CREATE INDEX pair_labels_sample ON pair_labels (sample_id);
