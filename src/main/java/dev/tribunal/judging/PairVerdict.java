package dev.tribunal.judging;

import java.util.Arrays;
import java.util.List;

/** The five Arena-Hard verdicts of a pairwise comparison. */
public enum PairVerdict {
    A_MUCH_BETTER("A>>B", 1.0),
    A_BETTER("A>B", 1.0),
    TIE("A=B", 0.5),
    B_BETTER("B>A", 0.0),
    B_MUCH_BETTER("B>>A", 0.0);

    private final String label;
    private final double outcomeForA;

    PairVerdict(String label, double outcomeForA) {
        this.label = label;
        this.outcomeForA = outcomeForA;
    }

    /** {@code A>>B}, {@code A>B}, {@code A=B}, {@code B>A} or {@code B>>A}. */
    public String label() {
        return label;
    }

    /** As a battle outcome for A: 1 when A wins, 0.5 for a tie, 0 when B wins. */
    public double outcomeForA() {
        return outcomeForA;
    }

    /** A strong preference ({@code >>}); Arena-Hard counts these more heavily. */
    public boolean strong() {
        return this == A_MUCH_BETTER || this == B_MUCH_BETTER;
    }

    /** The same judgement with the positions exchanged: A>B becomes B>A. */
    public PairVerdict swapped() {
        return values()[values().length - 1 - ordinal()];
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(PairVerdict::label).toList();
    }

    /**
     * Reads a label in any of its spellings: {@code A>B}, {@code [[A>B]]}, {@code B<A}, {@code A = B}, {@code tie};
     * null when the text is no label.
     */
    public static PairVerdict fromLabel(String text) {
        String t = text.replaceAll("[\\[\\]\\s*\"'`]", "");
        if (t.equalsIgnoreCase("tie")) return TIE;
        if (t.length() < 3) return null;
        char left = Character.toUpperCase(t.charAt(0));
        char right = Character.toUpperCase(t.charAt(t.length() - 1));
        String op = t.substring(1, t.length() - 1);
        if (left == right || (left != 'A' && left != 'B') || (right != 'A' && right != 'B')) return null;
        // Normalise to "A op B".
        if (left == 'B') op = mirror(op);
        if (op == null) return null;
        return switch (op) {
            case ">>" -> A_MUCH_BETTER;
            case ">" -> A_BETTER;
            case "=", "==" -> TIE;
            case "<" -> B_BETTER;
            case "<<" -> B_MUCH_BETTER;
            default -> null;
        };
    }

    private static String mirror(String op) {
        return switch (op) {
            case ">>" -> "<<";
            case ">" -> "<";
            case "<" -> ">";
            case "<<" -> ">>";
            case "=", "==" -> "=";
            default -> null;
        };
    }
}
