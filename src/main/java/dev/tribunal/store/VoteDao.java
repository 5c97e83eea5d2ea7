package dev.tribunal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.statement.StatementContext;

/** Table {@code votes}: one vote per arena round, recorded together with its battle. */
public final class VoteDao {

    private final Sql sql;
    private final BattleDao battles;

    VoteDao(Sql sql, BattleDao battles) {
        this.sql = sql;
        this.battles = battles;
    }

    /**
     * Records the vote and, when given, the battle it makes (its voteId is set to the round), in one
     * transaction. Throws {@link DuplicateVoteException} when the round already has a vote and
     * {@link MissingReferenceException} for an unknown round; either way nothing is written.
     */
    public Vote record(Vote vote, BattleRow battle) {
        return sql.write(h -> {
            int inserted = h.createUpdate("INSERT INTO votes (round_id, choice, voter_hash, created_at) "
                            + "VALUES (:round, :choice, :voter, :at) ON CONFLICT (round_id) DO NOTHING")
                    .bind("round", vote.roundId()).bind("choice", vote.choice().code())
                    .bind("voter", vote.voterHash()).bind("at", vote.createdAt().toEpochMilli()).execute();
            // the exception rolls the transaction back
            if (inserted == 0) throw new DuplicateVoteException(vote.roundId());
            if (battle != null) battles.insert(h, battle.withVote(vote.roundId()));
            return vote;
        });
    }

    public Optional<Vote> byRound(String roundId) {
        return sql.read(h -> h.createQuery("SELECT round_id, choice, voter_hash, created_at FROM votes "
                + "WHERE round_id = :r").bind("r", roundId).map(VoteDao::map).findOne());
    }

    /** Votes by this voter at or after {@code since} (rate limits). */
    public long countSince(String voterHash, Instant since) {
        return sql.read(h -> h.createQuery("SELECT COUNT(*) FROM votes WHERE voter_hash = :v AND created_at >= :t")
                .bind("v", voterHash).bind("t", since.toEpochMilli()).mapTo(Long.class).one());
    }

    public long count() {
        return sql.read(h -> h.createQuery("SELECT COUNT(*) FROM votes").mapTo(Long.class).one());
    }

    /**
     * Votes on rounds that showed these two judges (by contestant id) in either position, counted for the
     * first judge's critique, the second's, ties and both-bad.
     */
    public PairVoteStats statsForJudges(long firstJudgeId, long secondJudgeId) {
        // orient every vote so that "first" means firstJudgeId, whichever side (A or B) it was shown on
        return sql.read(h -> h.createQuery("""
                        SELECT
                          SUM(CASE WHEN (v.choice = 'A' AND ea.judge_id = :x) OR (v.choice = 'B' AND eb.judge_id = :x)
                                   THEN 1 ELSE 0 END) AS first_better,
                          SUM(CASE WHEN (v.choice = 'A' AND ea.judge_id = :y) OR (v.choice = 'B' AND eb.judge_id = :y)
                                   THEN 1 ELSE 0 END) AS second_better,
                          SUM(CASE WHEN v.choice = 'tie' THEN 1 ELSE 0 END) AS ties,
                          SUM(CASE WHEN v.choice = 'both_bad' THEN 1 ELSE 0 END) AS both_bad
                        FROM votes v
                        JOIN rounds r ON r.id = v.round_id
                        JOIN evaluations ea ON ea.id = r.eval_a_id
                        JOIN evaluations eb ON eb.id = r.eval_b_id
                        WHERE (ea.judge_id = :x AND eb.judge_id = :y) OR (ea.judge_id = :y AND eb.judge_id = :x)
                        """)
                .bind("x", firstJudgeId).bind("y", secondJudgeId)
                .map((rs, ctx) -> new PairVoteStats(firstJudgeId, secondJudgeId, rs.getLong("first_better"),
                        rs.getLong("second_better"), rs.getLong("ties"), rs.getLong("both_bad")))
                .one());
    }

    /**
     * Streams every vote with its sample, both evaluations, the judges' names and whether each evaluation is still
     * in the arena (as of the start), in time order (then round id), through a database cursor. The sink must not
     * write to the database.
     */
    public void forEachVoteRecord(Consumer<VoteRecord> sink) {
        String sampleColumns = prefixed("s", "s_", SampleDao.COLUMNS);
        String evalA = prefixed("ea", "ea_", EvaluationDao.COLUMNS);
        String evalB = prefixed("eb", "eb_", EvaluationDao.COLUMNS);
        sql.stream(h -> h.createQuery("SELECT v.round_id, v.choice, v.voter_hash, v.created_at, " + sampleColumns + ", "
                        + evalA + ", " + evalB + ", ja.name AS judge_a, jb.name AS judge_b, "
                        + "CASE WHEN " + ArenaEligibility.evaluationInArena("ea") + " THEN 1 ELSE 0 END AS a_in_arena, "
                        + "CASE WHEN " + ArenaEligibility.evaluationInArena("eb") + " THEN 1 ELSE 0 END AS b_in_arena "
                        + "FROM votes v JOIN rounds r ON r.id = v.round_id "
                        + "JOIN samples s ON s.id = r.sample_id "
                        + "JOIN evaluations ea ON ea.id = r.eval_a_id JOIN contestants ja ON ja.id = ea.judge_id "
                        + "JOIN evaluations eb ON eb.id = r.eval_b_id JOIN contestants jb ON jb.id = eb.judge_id "
                        + "ORDER BY v.created_at, v.round_id")
                .bind("now", sql.nowMillis())
                .setFetchSize(Sql.FETCH_SIZE)
                .map((rs, ctx) -> new VoteRecord(map(rs, ctx), SampleDao.mapPrefixed(rs, "s_"),
                        EvaluationDao.mapPrefixed(rs, "ea_"), rs.getString("judge_a"),
                        EvaluationDao.mapPrefixed(rs, "eb_"), rs.getString("judge_b"),
                        rs.getInt("a_in_arena") == 1, rs.getInt("b_in_arena") == 1))
                .useStream(rows -> rows.forEach(sink)));
    }

    /** "id, kind" with alias s and prefix s_ → "s.id AS s_id, s.kind AS s_kind". */
    private static String prefixed(String alias, String prefix, String columns) {
        StringBuilder out = new StringBuilder();
        for (String c : columns.split(",\\s*")) {
            if (!out.isEmpty()) out.append(", ");
            out.append(alias).append('.').append(c).append(" AS ").append(prefix).append(c);
        }
        return out.toString();
    }

    static Vote map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Vote(rs.getString("round_id"), VoteChoice.of(rs.getString("choice")), rs.getString("voter_hash"),
                Columns.instant(rs, "created_at"));
    }
}
