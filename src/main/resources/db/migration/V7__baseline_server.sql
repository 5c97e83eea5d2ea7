-- The baseline benchmark in the server (issue 9, second part).

-- A contestant's model family (llm.models / llm.judges `family`, e.g. "gpt-4"), so that a judge of the same family
-- as a model can be told apart later; NULL when not configured.
ALTER TABLE contestants ADD COLUMN family TEXT;

-- The style-controlled score beside the plain one (baseline boards: the win-rate against the baseline in % with
-- answer length and markdown held equal, and its 95 % interval); NULL on boards without style control.
ALTER TABLE snapshot_rows ADD COLUMN style_score DOUBLE PRECISION;
ALTER TABLE snapshot_rows ADD COLUMN style_score_lower DOUBLE PRECISION;
ALTER TABLE snapshot_rows ADD COLUMN style_score_upper DOUBLE PRECISION;
