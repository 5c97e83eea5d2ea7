package dev.tribunal.store;

/**
 * A question a pool model wrote for a collective run (table {@code collective_questions}) and what the pool made
 * of it.
 *
 * @param question      the question (set {@code collective:<run>}; topic, difficulty and author in it)
 * @param iteration     the run's iteration it was written for (0-based)
 * @param attempt       0 for the iteration's first author, 1 for the next when the first was not kept, …
 * @param state         {@link #PENDING}, {@link #ACCEPTED}, {@link #REJECTED}, {@link #DUPLICATE} or {@link #FAILED}
 * @param qualityMean   the weighted mean of its ratings, or null before it is rated
 * @param qualityMedian the weighted median of its ratings, or null before it is rated
 * @param cost          what writing it cost (0 when the author's reply came from the cache)
 */
public record CollectiveQuestion(Question question, long runId, int iteration, int attempt, String state,
                                 Double qualityMean, Double qualityMedian, double cost) {

    public static final String PENDING = "pending";
    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";
    public static final String DUPLICATE = "duplicate";
    public static final String FAILED = "failed";

    public long id() {
        return question.id();
    }
}
