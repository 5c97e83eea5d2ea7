-- Browsing and the arena's anonymity rule (dev.tribunal.store.ArenaEligibility) read rounds by sample and by
-- evaluation, and count each sample's judges with parsed evaluations. Without these indexes each of those
-- lookups read the whole rounds table: browse cost grew with every round dealt (58 s at 384k rounds).

-- the votes on a page of samples: rounds by sample, with the round id for the join to votes
CREATE INDEX rounds_sample ON rounds (sample_id, id);
-- is an evaluation in a round still waiting for its vote; the votes on a retired evaluation
CREATE INDEX rounds_eval_a ON rounds (eval_a_id, expires_at);
CREATE INDEX rounds_eval_b ON rounds (eval_b_id, expires_at);
-- how many distinct judges gave a sample a parsed evaluation (covering: no table lookup)
CREATE INDEX evaluations_sample_status ON evaluations (sample_id, parse_status, judge_id);
