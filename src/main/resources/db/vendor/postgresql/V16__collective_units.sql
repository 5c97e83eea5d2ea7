-- The collective benchmark's units (issue 13): bench_units.phase gains 'rate_question' (a pool model rates a written
-- question: model_id = its author) and 'rate_answer' (a pool model rates a model's answer). PostgreSQL names V6's
-- column check bench_units_phase_check; it is replaced in place.
ALTER TABLE bench_units DROP CONSTRAINT bench_units_phase_check;
ALTER TABLE bench_units ADD CONSTRAINT bench_units_phase_check
    CHECK (phase IN ('answer', 'judge', 'rate_question', 'rate_answer'));
