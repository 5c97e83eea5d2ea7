package dev.tribunal.imports;

import java.util.Locale;

/** The winner column of battle rows and CSV files, as the outcome for the first contestant. */
final class Winner {

    private Winner() {
    }

    /**
     * 1 for "model_a" (also "left", "a"), 0 for "model_b" ("right", "b"), 0.5 for "tie", "tie (bothbad)" and "draw".
     * Chatbot Arena's "tie (bothbad)" counts as a plain tie, as in its own ratings.
     */
    static double outcome(String winner) {
        if (winner == null) throw new BadRecord("no 'winner'");
        return switch (winner.strip().toLowerCase(Locale.ROOT)) {
            case "model_a", "left", "a" -> 1;
            case "model_b", "right", "b" -> 0;
            case "tie", "tie (bothbad)", "draw" -> 0.5;
            default -> throw new BadRecord("unknown winner \"" + winner
                    + "\": expected model_a, model_b, tie or tie (bothbad) (or left, right)");
        };
    }
}
