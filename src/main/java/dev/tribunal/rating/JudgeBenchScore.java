package dev.tribunal.rating;

/**
 * JudgeBench's metric (Tan et al. 2024, {@code utils/metrics.py}) for one labelled pair judged twice, the second
 * time with the two responses swapped. Each game's decision, brought back to the pair's own orientation, scores
 * +1 when it matches the label, −1 when it contradicts it, 0 for a tie or no decision; the pair is correct when
 * the sum is positive. Accuracy over pairs = 100 × correct / pairs.
 */
public final class JudgeBenchScore {

    /** A decision or label in the pair's own orientation. */
    public enum Decision { A_BETTER, B_BETTER, TIE;

        /** "A>B", "B>A", "A=B" (also the strong forms "A>>B", "B>>A"); null for null or anything else. */
        public static Decision parse(String text) {
            if (text == null) return null;
            return switch (text.strip()) {
                case "A>B", "A>>B" -> A_BETTER;
                case "B>A", "B>>A" -> B_BETTER;
                case "A=B" -> TIE;
                default -> null;
            };
        }

        /** The same decision seen with A and B swapped. */
        public Decision swapped() {
            return switch (this) {
                case A_BETTER -> B_BETTER;
                case B_BETTER -> A_BETTER;
                case TIE -> TIE;
            };
        }
    }

    private JudgeBenchScore() {
    }

    /** +1, −1 or 0 for one decision (already in the pair's orientation; null = no decision) against the label. */
    public static int score(Decision decision, Decision label) {
        if (decision == null || decision == Decision.TIE) return 0;
        return decision == label ? 1 : -1;
    }

    /**
     * Whether the pair counts as correct: {@code first} as judged, {@code swapped} judged with A and B swapped (so
     * its A is the pair's B); either may be null (no decision). The label must be A_BETTER or B_BETTER.
     */
    public static boolean correct(Decision first, Decision swapped, Decision label) {
        if (label == null || label == Decision.TIE) throw new IllegalArgumentException("the label must be A>B or B>A");
        return score(first, label) + score(swapped == null ? null : swapped.swapped(), label) > 0;
    }
}
