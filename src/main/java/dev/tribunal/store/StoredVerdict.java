package dev.tribunal.store;

/**
 * One judge's verdict on two answers, as the report card reads it: an arena evaluation of a pair sample or a
 * benchmark judgment of two answers.
 *
 * @param judge         the judge's name
 * @param unitKey       what was judged, in this order: the same for a regeneration of the same judgment (another
 *                      prompt version), different for the swapped order
 * @param verdict       "A>>B" … "B>>A" with A shown first, or null when not parsed
 * @param origin        {@link #ARENA}, {@link #BENCHMARK} or {@link #LABELLED}
 * @param reasked       the first reply could not be parsed and the judge was asked again; null when not recorded
 */
public record StoredVerdict(String judge, String unitKey, PairShape pair, String verdict, ParseStatus status,
                            String promptVersion, Long latencyMs, Double cost, String origin, Boolean reasked) {

    public static final String ARENA = "arena";
    public static final String BENCHMARK = "benchmark";
    /** A game on a labelled pair ({@code labelled_judgments}). */
    public static final String LABELLED = "labelled";

    /** A game on a labelled pair, as the report card reads it. */
    public static StoredVerdict of(LabelledJudgment g) {
        return new StoredVerdict(g.judge(), "l:" + g.pairKey() + ":" + g.game(), g.shape(), g.verdict(), g.status(),
                g.promptVersion(), g.latencyMs(), g.cost(), LABELLED, g.reasked());
    }
}
