package dev.tribunal.rating;

/**
 * Settings of one rating run.
 *
 * @param method        Bradley–Terry or online Elo
 * @param rounds        bootstrap rounds for the intervals (0 = point estimates only)
 * @param seed          master seed of the bootstrap; the same input and seed give the same leaderboard
 * @param anchor        contestant pinned at {@code anchorRating}, or null: then the baseline if one is named,
 *                      else the ratings are shifted to a mean of {@code anchorRating}
 * @param anchorRating  the anchor's rating (or the mean when there is no anchor); 1000 by default
 * @param baseline      contestant the scores are win-rates against (Arena-Hard style), or null for no scores
 * @param eloK          K of online Elo (4 as Chatbot Arena, 32 as Judge Arena)
 * @param eloInitial    initial rating of online Elo
 * @param styleControl  fit Bradley–Terry with style covariates and report ratings with style held equal
 * @param threads       threads for the bootstrap (the result does not depend on it)
 * @param intervals     bootstrap (default) or sandwich intervals
 */
public record RatingOptions(RatingMethod method, int rounds, long seed, String anchor, double anchorRating,
                            String baseline, double eloK, double eloInitial, boolean styleControl, int threads,
                            IntervalMethod intervals) {

    public RatingOptions {
        if (method == null) throw new IllegalArgumentException("method must not be null");
        if (rounds < 0) throw new IllegalArgumentException("rounds must be >= 0: " + rounds);
        if (!Double.isFinite(anchorRating)) throw new IllegalArgumentException("anchorRating must be finite: " + anchorRating);
        if (!(eloK > 0) || Double.isInfinite(eloK)) throw new IllegalArgumentException("eloK must be > 0: " + eloK);
        if (!Double.isFinite(eloInitial)) throw new IllegalArgumentException("eloInitial must be finite: " + eloInitial);
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1: " + threads);
        if (intervals == null) throw new IllegalArgumentException("intervals must not be null");
        if (intervals == IntervalMethod.SANDWICH && (method != RatingMethod.BRADLEY_TERRY || styleControl)) {
            throw new IllegalArgumentException("sandwich intervals need Bradley–Terry without style control");
        }
        if (styleControl && method != RatingMethod.BRADLEY_TERRY) {
            throw new IllegalArgumentException("styleControl needs method BRADLEY_TERRY, not " + method);
        }
    }

    /** Bradley–Terry, 100 rounds, seed 42, mean 1000, no baseline, K 4, initial 1000, no style, all cores. */
    public static RatingOptions defaults() {
        return new RatingOptions(RatingMethod.BRADLEY_TERRY, 100, 42, null, 1000, null, 4, 1000, false,
                Runtime.getRuntime().availableProcessors(), IntervalMethod.BOOTSTRAP);
    }

    public RatingOptions withMethod(RatingMethod method) {
        return new RatingOptions(method, rounds, seed, anchor, anchorRating, baseline, eloK, eloInitial, styleControl, threads, intervals);
    }

    public RatingOptions withRounds(int rounds) {
        return new RatingOptions(method, rounds, seed, anchor, anchorRating, baseline, eloK, eloInitial, styleControl, threads, intervals);
    }

    public RatingOptions withSeed(long seed) {
        return new RatingOptions(method, rounds, seed, anchor, anchorRating, baseline, eloK, eloInitial, styleControl, threads, intervals);
    }

    /** Pins {@code name} at {@code rating}; a null name means "mean {@code rating}". */
    public RatingOptions withAnchor(String name, double rating) {
        return new RatingOptions(method, rounds, seed, name, rating, baseline, eloK, eloInitial, styleControl, threads, intervals);
    }

    public RatingOptions withBaseline(String baseline) {
        return new RatingOptions(method, rounds, seed, anchor, anchorRating, baseline, eloK, eloInitial, styleControl, threads, intervals);
    }

    public RatingOptions withEloK(double eloK) {
        return new RatingOptions(method, rounds, seed, anchor, anchorRating, baseline, eloK, eloInitial, styleControl, threads, intervals);
    }

    public RatingOptions withEloInitial(double eloInitial) {
        return new RatingOptions(method, rounds, seed, anchor, anchorRating, baseline, eloK, eloInitial, styleControl, threads, intervals);
    }

    public RatingOptions withStyleControl(boolean styleControl) {
        return new RatingOptions(method, rounds, seed, anchor, anchorRating, baseline, eloK, eloInitial, styleControl, threads, intervals);
    }

    public RatingOptions withThreads(int threads) {
        return new RatingOptions(method, rounds, seed, anchor, anchorRating, baseline, eloK, eloInitial, styleControl, threads, intervals);
    }

    public RatingOptions withIntervals(IntervalMethod intervals) {
        return new RatingOptions(method, rounds, seed, anchor, anchorRating, baseline, eloK, eloInitial, styleControl, threads, intervals);
    }

    /** The contestant actually pinned: the anchor if named, else the baseline, else none (mean anchoring). */
    public String effectiveAnchor() {
        return anchor != null ? anchor : baseline;
    }
}
