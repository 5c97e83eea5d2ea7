package dev.tribunal.rating;

import java.util.List;

/** Turns battles into a leaderboard: the one seam between every source of battles and every output. */
public final class RatingEngine {

    private RatingEngine() {
    }

    /** Rates {@code battles} as {@code options} say. */
    public static Leaderboard rate(BattleSet battles, RatingOptions options) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public static Leaderboard rate(List<Battle> battles, RatingOptions options) {
        return rate(BattleSet.of(battles), options);
    }
}
