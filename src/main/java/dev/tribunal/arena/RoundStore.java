package dev.tribunal.arena;

import dev.tribunal.rating.Battle;
import java.util.Optional;

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
     * Stores the vote and the battle it makes, both or neither.
     *
     * @return false, storing nothing, when the round already has a vote
     */
    boolean recordVote(Vote vote, Battle battle);

    /** All votes so far on rounds between {@code judgeA} and {@code judgeB}, oriented so that a = votes for judgeA. */
    PairTally tally(String judgeA, String judgeB);
}
