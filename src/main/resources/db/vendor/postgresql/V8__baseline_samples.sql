-- Arena samples made from the baseline benchmark's comparisons (issue 9): samples.source gains 'baseline'.
-- PostgreSQL names V1's column check samples_source_check; it is replaced in place.
ALTER TABLE samples DROP CONSTRAINT samples_source_check;
ALTER TABLE samples ADD CONSTRAINT samples_source_check
    CHECK (source IN ('demo', 'custom', 'generated', 'baseline'));
