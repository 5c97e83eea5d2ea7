package dev.tribunal.arena;

import java.time.Duration;

/**
 * Which votes are kept but left out of the leaderboards (README, "Vote hygiene").
 *
 * @param minTimeToVote    a vote sooner than this after its round was dealt is flagged too_fast (nobody reads two
 *                         critiques in 3 s; a person voting every 5 s is untouched); zero = off
 * @param countedPerDay    a voter's votes beyond this many in the trailing 24 h are flagged daily_cap; 0 = no cap
 * @param anomalyMinVotes  the decisive votes a voter needs before the anomalous-voter test looks at them
 * @param anomalyP         flag a voter whose combined p-value is below this; 0 = the test is off
 * @param blindOnly        flag not_blind a vote on a round showing a critique whose judge the voter had seen named
 */
public record VoteRules(Duration minTimeToVote, int countedPerDay, int anomalyMinVotes, double anomalyP,
                        boolean blindOnly) {

    /** No vote is ever flagged, except by an admin. */
    public static VoteRules off() {
        return new VoteRules(Duration.ZERO, 0, 20, 0, false);
    }
}
