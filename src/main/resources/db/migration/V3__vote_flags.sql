-- Vote hygiene (issue 8): a vote can be kept but left out of every leaderboard, with the reason. NULL = counted.
--   daily_cap  beyond arena.counted_votes_per_day of its voter in the trailing 24 h
--   too_fast   cast less than arena.min_seconds_to_vote after its round was dealt
--   not_blind  its voter had seen the judge of one of its critiques named in an earlier reveal
--   anomalous  its voter failed the anomalous-voter test (set and cleared by the leaderboard job)
--   voided     voided by an admin (POST /api/admin/votes/void); never cleared
ALTER TABLE votes ADD COLUMN flag TEXT CHECK (flag IN ('daily_cap', 'too_fast', 'not_blind', 'anomalous', 'voided'));
-- few votes are flagged: a partial index finds them (and the anomalous voters) without a scan
CREATE INDEX votes_flagged ON votes (flag, voter_hash) WHERE flag IS NOT NULL;

-- How many flagged votes a leaderboard left out (arena boards; 0 elsewhere).
ALTER TABLE snapshots ADD COLUMN excluded_votes BIGINT NOT NULL DEFAULT 0;
