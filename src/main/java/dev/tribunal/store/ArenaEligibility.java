package dev.tribunal.store;

/**
 * Which evaluations the arena can deal: the one definition that the arena's catalog, browsing and the export
 * share. A sample is <em>in the arena</em> when parsed ({@code ok}) evaluations of it by at least
 * {@value #MIN_JUDGES} distinct judges exist; an evaluation is in the arena when it is a parsed evaluation of such
 * a sample, or when it is shown in a round that is still waiting for its vote (a submitted sample's first round
 * may show a critique that will never be dealt again, e.g. an unparseable one). Everything else is
 * <em>retired</em>: it cannot be dealt any more, so nothing about it needs to stay secret.
 *
 * <p>The SQL fragments below take the alias or column to test and read the parameter {@code :now} (epoch
 * milliseconds), which the caller binds. Indexes (V4): {@code evaluations_sample_status} for the judge count,
 * {@code rounds_eval_a} and {@code rounds_eval_b} for the open rounds.
 */
public final class ArenaEligibility {

    /** Judges a sample needs (distinct, with parsed evaluations) before the arena deals it. */
    public static final int MIN_JUDGES = 2;

    private ArenaEligibility() {
    }

    /** SQL: how many distinct judges evaluated the sample with this id (a column) with a parsed verdict. */
    static String parsedJudgesOf(String sampleId) {
        return "(SELECT COUNT(DISTINCT arena_j.judge_id) FROM evaluations arena_j WHERE arena_j.sample_id = "
                + sampleId + " AND arena_j.parse_status = 'ok')";
    }

    /** SQL condition: the sample with this id (a column) is in the arena. */
    static String sampleInArena(String sampleId) {
        return parsedJudgesOf(sampleId) + " >= " + MIN_JUDGES;
    }

    /** SQL condition: the evaluation with this alias is in the arena (reads {@code :now}). */
    static String evaluationInArena(String e) {
        return "((" + e + ".parse_status = 'ok' AND " + sampleInArena(e + ".sample_id") + ")"
                + " OR " + inOpenRound(e, "eval_a_id") + " OR " + inOpenRound(e, "eval_b_id") + ")";
    }

    /**
     * SQL condition: the benchmark judgment with this alias is in the arena. The baseline benchmark serves a
     * comparison judged by two or more judges as an arena sample (external key
     * {@code baseline:<baseline answer id>:<model answer id>}, game 1's A and B) with each judge's game-1 critique as
     * an evaluation; while that evaluation is in the arena, the judge's judgments of the comparison — game 1, whose
     * critique it is, and game 2, whose verdict on the same two answers fingerprints it — must not name the judge
     * either. Reads {@code :now}; each lookup is the unique index on samples.external_key.
     */
    static String judgmentInArena(String j) {
        return "(" + servedAs(j, j + ".answer_a_id", j + ".answer_b_id") + " OR "
                + servedAs(j, j + ".answer_b_id", j + ".answer_a_id") + ")";
    }

    private static String servedAs(String j, String baselineAnswer, String modelAnswer) {
        return "EXISTS (SELECT 1 FROM samples arena_s JOIN evaluations arena_e ON arena_e.sample_id = arena_s.id"
                + " WHERE arena_s.external_key = 'baseline:' || " + baselineAnswer + " || ':' || " + modelAnswer
                + " AND arena_e.judge_id = " + j + ".judge_id AND " + evaluationInArena("arena_e") + ")";
    }

    private static String inOpenRound(String e, String side) {
        return "EXISTS (SELECT 1 FROM rounds arena_r WHERE arena_r." + side + " = " + e + ".id"
                + " AND arena_r.expires_at > :now"
                + " AND NOT EXISTS (SELECT 1 FROM votes arena_v WHERE arena_v.round_id = arena_r.id))";
    }
}
