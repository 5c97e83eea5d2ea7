package dev.tribunal.store;

import java.util.Objects;

/**
 * One game of a judge on a labelled pair (a JudgeBench row): table {@code labelled_judgments}.
 *
 * @param judge         the judge's name (read back; ignored when storing)
 * @param pairKey       the same for the same question and responses in the same file order
 * @param label         "A>B" or "B>A", in the file's order (response_A first)
 * @param game          1: response_A shown first; 2: response_B shown first
 * @param verdict       "A>>B" … "B>>A" as the judge gave it in this game (A = the answer shown first), or null
 * @param origin        {@link #LIVE} (asked by Tribunal) or {@link #FILE} (a file's decision)
 * @param reasked       the first reply could not be parsed and the judge was asked again; null when not known
 * @param lengthA       the file's response_A length in characters
 */
public record LabelledJudgment(long judgeId, String judge, String pairKey, String pairId, String source, String label,
                               int game, String verdict, ParseStatus status, String promptVersion, String origin,
                               Boolean reasked, int lengthA, int lengthB, Long latencyMs, Double cost) {

    public static final String LIVE = "live";
    public static final String FILE = "file";

    public LabelledJudgment {
        Objects.requireNonNull(pairKey, "pairKey");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(promptVersion, "promptVersion");
        if (!label.equals("A>B") && !label.equals("B>A")) throw new IllegalArgumentException("label must be A>B or B>A");
        if (game != 1 && game != 2) throw new IllegalArgumentException("game must be 1 or 2");
        if (verdict != null && !Evaluation.VERDICTS.contains(verdict)) {
            throw new IllegalArgumentException("unknown verdict: " + verdict);
        }
        if (!origin.equals(LIVE) && !origin.equals(FILE)) throw new IllegalArgumentException("origin: " + origin);
    }

    /** The pair as the judge was shown it in this game (game 1 in the file's order). */
    public PairShape shape() {
        return game == 1 ? new PairShape("l:" + pairKey, true, null, null, lengthA, lengthB, source)
                : new PairShape("l:" + pairKey, false, null, null, lengthB, lengthA, source);
    }
}
