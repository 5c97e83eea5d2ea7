package dev.tribunal.arena;

import dev.tribunal.rating.VoterAnomaly;
import dev.tribunal.store.Database;
import dev.tribunal.store.DecisiveVote;
import dev.tribunal.store.VoteFlag;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the anomalous-voter test ({@link VoterAnomaly}) over the voters with new votes since its last run (all voters
 * on its first run after start) and those already flagged: a voter with at least {@code anomalyMinVotes} decisive
 * votes (counted, or flagged anomalous) whose combined p-value under the other voters' counted votes is below
 * {@code anomalyP} has every counted vote flagged anomalous; a voter no longer below it has them counted again.
 * Votes flagged for another reason (voided, daily cap, too fast) are neither evidence nor touched.
 */
public final class AnomalousVoters {

    /** What one run did. */
    public record Result(int checked, int flaggedVoters, int clearedVoters) {
    }

    /** Votes stored while the previous run read are looked at again. */
    private static final Duration OVERLAP = Duration.ofMinutes(1);

    private final Database db;
    private final VoteRules rules;
    private Instant lastRun = Instant.EPOCH;

    public AnomalousVoters(Database db, VoteRules rules) {
        this.db = db;
        this.rules = rules;
    }

    public synchronized Result run(Instant now) {
        if (rules.anomalyP() <= 0) return new Result(0, 0, 0);
        List<String> voters = db.votes().votersToCheck(lastRun.minus(OVERLAP), rules.anomalyMinVotes());
        lastRun = now;
        if (voters.isEmpty()) return new Result(0, 0, 0);
        Map<String, long[]> totals = pairTotals();
        int flagged = 0;
        int cleared = 0;
        for (String voter : voters) {
            boolean anomalous = isAnomalous(db.votes().decisiveVotesOf(voter), totals);
            if (anomalous) {
                if (db.votes().flagCounted(voter, VoteFlag.ANOMALOUS) > 0) flagged++;
            } else if (db.votes().unflag(voter, VoteFlag.ANOMALOUS) > 0) {
                cleared++;
            }
        }
        return new Result(voters.size(), flagged, cleared);
    }

    /** Every counted decisive vote, by pair: [votes for the pair's first judge (alphabetically), for the second]. */
    private Map<String, long[]> pairTotals() {
        Map<String, long[]> totals = new HashMap<>();
        db.votes().forEachCountedDecisiveVote(v -> count(totals, v, 1));
        return totals;
    }

    private boolean isAnomalous(List<DecisiveVote> votes, Map<String, long[]> totals) {
        List<DecisiveVote> evidence = new ArrayList<>();
        for (DecisiveVote v : votes) {
            if (v.flag() == null || v.flag() == VoteFlag.ANOMALOUS) evidence.add(v);
        }
        if (evidence.size() < rules.anomalyMinVotes()) return false;
        // the other voters' votes: this voter's counted ones taken out of the totals
        Map<String, long[]> others = new HashMap<>();
        for (DecisiveVote v : evidence) {
            String key = key(v);
            others.computeIfAbsent(key, k -> totals.getOrDefault(k, new long[2]).clone());
            if (v.flag() == null) count(others, v, -1);
        }
        double[] p = new double[evidence.size()];
        for (int i = 0; i < p.length; i++) {
            DecisiveVote v = evidence.get(i);
            long[] c = others.get(key(v));
            boolean winnerFirst = v.winner().compareTo(v.loser()) < 0;
            p[i] = VoterAnomaly.voteP(Math.max(0, c[winnerFirst ? 0 : 1]), Math.max(0, c[winnerFirst ? 1 : 0]));
        }
        return VoterAnomaly.combinedP(p) < rules.anomalyP();
    }

    private static void count(Map<String, long[]> totals, DecisiveVote v, int delta) {
        boolean winnerFirst = v.winner().compareTo(v.loser()) < 0;
        totals.computeIfAbsent(key(v), k -> new long[2])[winnerFirst ? 0 : 1] += delta;
    }

    private static String key(DecisiveVote v) {
        boolean winnerFirst = v.winner().compareTo(v.loser()) < 0;
        return winnerFirst ? v.winner() + '\u0000' + v.loser() : v.loser() + '\u0000' + v.winner();
    }
}
