package dev.tribunal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

/** Table {@code votes}: one vote per arena round, recorded together with its battle. */
public final class VoteDao {

    /** created_at is epoch milliseconds: integer division by this is the UTC day (SQLite and PostgreSQL). */
    private static final long MILLIS_PER_DAY = 86_400_000L;

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
            int inserted = h.createUpdate("INSERT INTO votes (round_id, choice, voter_hash, created_at, flag) "
                            + "VALUES (:round, :choice, :voter, :at, :flag) ON CONFLICT (round_id) DO NOTHING")
                    .bind("round", vote.roundId()).bind("choice", vote.choice().code())
                    .bind("flag", vote.flag() == null ? null : vote.flag().code())
                    .bind("voter", vote.voterHash()).bind("at", vote.createdAt().toEpochMilli()).execute();
            // the exception rolls the transaction back
            if (inserted == 0) throw new DuplicateVoteException(vote.roundId());
            if (battle != null) battles.insert(h, battle.withVote(vote.roundId()));
            return vote;
        });
    }

    public Optional<Vote> byRound(String roundId) {
        return sql.read(h -> h.createQuery("SELECT round_id, choice, voter_hash, created_at, flag FROM votes "
                + "WHERE round_id = :r").bind("r", roundId).map(VoteDao::map).findOne());
    }

    /** Votes by this voter at or after {@code since}, flagged or not (the daily cap). */
    public long countSince(String voterHash, Instant since) {
        return sql.read(h -> h.createQuery("SELECT COUNT(*) FROM votes WHERE voter_hash = :v AND created_at >= :t")
                .bind("v", voterHash).bind("t", since.toEpochMilli()).mapTo(Long.class).one());
    }

    /**
     * The evaluations this voter has seen revealed: those shown in rounds the voter voted on (a vote's answer names
     * both judges). Uses the index on votes (voter_hash), then the rounds' primary key.
     */
    public Set<Long> evaluationsRevealedTo(String voterHash) {
        return evaluationsRevealedSince(voterHash, Instant.EPOCH);
    }

    /** As {@link #evaluationsRevealedTo}, by the votes recorded at or after {@code since} only (a range of the index). */
    public Set<Long> evaluationsRevealedSince(String voterHash, Instant since) {
        return sql.read(h -> {
            Set<Long> ids = new HashSet<>();
            h.createQuery("SELECT r.eval_a_id, r.eval_b_id FROM votes v JOIN rounds r ON r.id = v.round_id "
                            + "WHERE v.voter_hash = :v AND v.created_at >= :t")
                    .bind("v", voterHash).bind("t", since.toEpochMilli())
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .forEach(pair -> {
                        ids.add(pair[0]);
                        ids.add(pair[1]);
                    });
            return ids;
        });
    }

    /**
     * As {@link #countSince(String, Instant)}, but counting no further than {@code atMost}: the cost of a rule such as
     * "beyond the 200th vote of the day" then stays bounded by 200 index entries, however many the voter cast.
     */
    public long countSince(String voterHash, Instant since, int atMost) {
        return sql.read(h -> h.createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM votes WHERE voter_hash = :v "
                        + "AND created_at >= :t LIMIT :n) recent")
                .bind("v", voterHash).bind("t", since.toEpochMilli()).bind("n", atMost).mapTo(Long.class).one());
    }

    /** The times (epoch ms) of this voter's votes at or after {@code since}, newest first, at most {@code limit}. */
    public List<Long> timesSince(String voterHash, Instant since, int limit) {
        return sql.read(h -> h.createQuery("SELECT created_at FROM votes WHERE voter_hash = :v AND created_at >= :t "
                        + "ORDER BY created_at DESC LIMIT :n")
                .bind("v", voterHash).bind("t", since.toEpochMilli()).bind("n", limit).mapTo(Long.class).list());
    }

    public long count() {
        return sql.read(h -> h.createQuery("SELECT COUNT(*) FROM votes").mapTo(Long.class).one());
    }

    /** Votes of every voter recorded after {@code after}, flagged or not (new votes a leaderboard has not read). */
    public long countAfter(Instant after) {
        return sql.read(h -> h.createQuery("SELECT COUNT(*) FROM votes WHERE created_at > :t")
                .bind("t", after.toEpochMilli()).mapTo(Long.class).one());
    }

    /**
     * Counted (unflagged) votes on rounds that showed these two judges (by contestant id) in either position,
     * counted for the first judge's critique, the second's, ties and both-bad.
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
                        WHERE ((ea.judge_id = :x AND eb.judge_id = :y) OR (ea.judge_id = :y AND eb.judge_id = :x))
                          AND v.flag IS NULL
                        """)
                .bind("x", firstJudgeId).bind("y", secondJudgeId)
                .map((rs, ctx) -> new PairVoteStats(firstJudgeId, secondJudgeId, rs.getLong("first_better"),
                        rs.getLong("second_better"), rs.getLong("ties"), rs.getLong("both_bad")))
                .one());
    }

    /**
     * Streams every vote with its sample, both evaluations, the judges' names and whether each evaluation is still
     * in the arena (as of the start) through a database cursor, ordered by UTC day and then by round id (a random
     * token) — not by time, so that the order of an export that shows only days does not give the times away. The
     * sink must not write to the database.
     */
    public void forEachVoteRecord(Consumer<VoteRecord> sink) {
        String sampleColumns = prefixed("s", "s_", SampleDao.COLUMNS);
        String evalA = prefixed("ea", "ea_", EvaluationDao.COLUMNS);
        String evalB = prefixed("eb", "eb_", EvaluationDao.COLUMNS);
        sql.stream(h -> h.createQuery("SELECT v.round_id, v.choice, v.voter_hash, v.created_at, v.flag, " + sampleColumns + ", "
                        + evalA + ", " + evalB + ", ja.name AS judge_a, jb.name AS judge_b, "
                        + "CASE WHEN " + ArenaEligibility.evaluationInArena("ea") + " THEN 1 ELSE 0 END AS a_in_arena, "
                        + "CASE WHEN " + ArenaEligibility.evaluationInArena("eb") + " THEN 1 ELSE 0 END AS b_in_arena "
                        + "FROM votes v JOIN rounds r ON r.id = v.round_id "
                        + "JOIN samples s ON s.id = r.sample_id "
                        + "JOIN evaluations ea ON ea.id = r.eval_a_id JOIN contestants ja ON ja.id = ea.judge_id "
                        + "JOIN evaluations eb ON eb.id = r.eval_b_id JOIN contestants jb ON jb.id = eb.judge_id "
                        + "ORDER BY v.created_at / " + MILLIS_PER_DAY + ", v.round_id")
                .bind("now", sql.nowMillis())
                .setFetchSize(Sql.FETCH_SIZE)
                .map((rs, ctx) -> new VoteRecord(map(rs, ctx), SampleDao.mapPrefixed(rs, "s_"),
                        EvaluationDao.mapPrefixed(rs, "ea_"), rs.getString("judge_a"),
                        EvaluationDao.mapPrefixed(rs, "eb_"), rs.getString("judge_b"),
                        rs.getInt("a_in_arena") == 1, rs.getInt("b_in_arena") == 1))
                .useStream(rows -> rows.forEach(sink)));
    }

    /**
     * Flagged votes whose battles were created at or before {@code cutoff}, by the battle's category (the key null
     * counts them all): what each arena leaderboard leaves out.
     */
    public Map<String, Long> flaggedByCategory(Instant cutoff) {
        return sql.read(h -> {
            Map<String, Long> counts = new HashMap<>();
            h.createQuery("SELECT b.category, COUNT(*) AS n FROM votes v JOIN battles b ON b.vote_id = v.round_id "
                            + "WHERE v.flag IS NOT NULL AND b.created_at <= :cutoff GROUP BY b.category")
                    .bind("cutoff", cutoff.toEpochMilli())
                    .map((rs, ctx) -> Map.entry(Optional.ofNullable(rs.getString("category")), rs.getLong("n")))
                    .forEach(e -> {
                        counts.merge(null, e.getValue(), Long::sum);
                        e.getKey().ifPresent(category -> counts.merge(category, e.getValue(), Long::sum));
                    });
            return counts;
        });
    }

    /**
     * The voters the anomalous-voter test should look at: those with a vote at or after {@code since} and at least
     * {@code minDecisive} decisive votes that are counted or flagged anomalous, and those with anomalous votes.
     */
    public List<String> votersToCheck(Instant since, int minDecisive) {
        return sql.read(h -> h.createQuery("""
                        SELECT voter_hash FROM votes
                        WHERE choice IN ('A', 'B') AND (flag IS NULL OR flag = 'anomalous')
                          AND voter_hash IN (SELECT voter_hash FROM votes WHERE created_at >= :since)
                        GROUP BY voter_hash HAVING COUNT(*) >= :min
                        UNION
                        SELECT voter_hash FROM votes WHERE flag = 'anomalous'
                        """)
                .bind("since", since.toEpochMilli()).bind("min", minDecisive).mapTo(String.class).list());
    }

    /** Streams every counted (unflagged) decisive vote with the judges of its battle. */
    public void forEachCountedDecisiveVote(Consumer<DecisiveVote> sink) {
        sql.stream(h -> h.createQuery(DECISIVE + " AND v.flag IS NULL").setFetchSize(Sql.FETCH_SIZE)
                .map(VoteDao::decisive).useStream(rows -> rows.forEach(sink)));
    }

    /** This voter's decisive votes, flagged or not. */
    public List<DecisiveVote> decisiveVotesOf(String voterHash) {
        return sql.read(h -> h.createQuery(DECISIVE + " AND v.voter_hash = :v").bind("v", voterHash)
                .map(VoteDao::decisive).list());
    }

    private static final String DECISIVE = "SELECT v.voter_hash, v.flag, b.a, b.b, b.outcome FROM votes v "
            + "JOIN battles b ON b.vote_id = v.round_id WHERE v.choice IN ('A', 'B')";

    private static DecisiveVote decisive(ResultSet rs, StatementContext ctx) throws SQLException {
        boolean aWon = rs.getDouble("outcome") > 0.5;
        return new DecisiveVote(rs.getString("voter_hash"), rs.getString(aWon ? "a" : "b"), rs.getString(aWon ? "b" : "a"),
                VoteFlag.of(rs.getString("flag")));
    }

    /** Flags every counted vote of this voter (flagged ones keep their flag); returns how many. */
    public int flagCounted(String voterHash, VoteFlag flag) {
        return sql.write(h -> h.createUpdate("UPDATE votes SET flag = :f WHERE voter_hash = :v AND flag IS NULL")
                .bind("f", flag.code()).bind("v", voterHash).execute());
    }

    /** Counts this voter's votes flagged {@code flag} again; returns how many. */
    public int unflag(String voterHash, VoteFlag flag) {
        return sql.write(h -> h.createUpdate("UPDATE votes SET flag = NULL WHERE voter_hash = :v AND flag = :f")
                .bind("f", flag.code()).bind("v", voterHash).execute());
    }

    /** Voids every vote of this voter. Idempotent. */
    public VoidedVotes voidVoter(String voterHash) {
        return voidWhere("voter_hash = :v", q -> q.bind("v", voterHash));
    }

    /** Voids every vote cast in [from, to). Idempotent. */
    public VoidedVotes voidWindow(Instant from, Instant to) {
        return voidWhere("created_at >= :from AND created_at < :to",
                q -> q.bind("from", from.toEpochMilli()).bind("to", to.toEpochMilli()));
    }

    private VoidedVotes voidWhere(String condition, Consumer<SqlStatement<?>> binder) {
        return sql.write(h -> {
            Update update = h.createUpdate("UPDATE votes SET flag = 'voided' WHERE " + condition
                    + " AND (flag IS NULL OR flag <> 'voided')");
            binder.accept(update);
            int newly = update.execute();
            Query count = h.createQuery("SELECT COUNT(*) FROM votes WHERE " + condition);
            binder.accept(count);
            return new VoidedVotes(count.mapTo(Long.class).one(), newly);
        });
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
                Columns.instant(rs, "created_at"), VoteFlag.of(rs.getString("flag")));
    }
}
