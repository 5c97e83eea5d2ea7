package dev.tribunal.arena;

import dev.tribunal.rating.Battle;
import dev.tribunal.store.VoteFlag;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Where rounds and votes are kept. */
public interface RoundStore {

    /** A round with its vote, if it has one. */
    record StoredRound(Round round, Vote vote) {
        public boolean voted() {
            return vote != null;
        }
    }

    void insert(Round round);

    Optional<StoredRound> find(String roundId);

    /**
     * The round, to vote on it: as {@link #find}, but a round this process dealt may come back without a vote another
     * process has since taken; {@link #recordVote} refuses that second vote.
     */
    Optional<StoredRound> findToVote(String roundId);

    /**
     * Stores the vote and the battle it makes, both or neither.
     *
     * @param flag why the vote is left out of the leaderboards, or null when it counts
     * @return false, storing nothing, when the round already has a vote
     */
    boolean recordVote(Vote vote, Battle battle, VoteFlag flag);

    /** How people labelled the two responses of this pair sample (null when nobody did). */
    Reveal.PeopleVotes peopleVotes(long sampleId);

    /** The ids of the evaluations shown in rounds this voter has voted on: the voter has seen their judges named. */
    Set<Long> evaluationsRevealedTo(String voterHash);

    /** The votes this voter cast at or after {@code since}, flagged or not, counted up to {@code atMost}. */
    long votesSince(String voterHash, Instant since, int atMost);

    /** All votes so far on rounds between {@code judgeA} and {@code judgeB}, oriented so that a = votes for judgeA. */
    PairTally tally(String judgeA, String judgeB);
}
