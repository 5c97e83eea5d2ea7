package dev.tribunal.imports;

/** An Arena-Hard judge's label for one game, "A>>B" … "B>>A", as the outcome for A and whether it is strong. */
enum ArenaHardVerdict {
    A_MUCH_BETTER(1, true),
    A_BETTER(1, false),
    TIE(0.5, false),
    B_BETTER(0, false),
    B_MUCH_BETTER(0, true);

    private final double outcomeForA;
    private final boolean strong;

    ArenaHardVerdict(double outcomeForA, boolean strong) {
        this.outcomeForA = outcomeForA;
        this.strong = strong;
    }

    double outcomeForA() {
        return outcomeForA;
    }

    boolean strong() {
        return strong;
    }

    static ArenaHardVerdict parse(String label) {
        return switch (label.strip()) {
            case "A>>B", "B<<A" -> A_MUCH_BETTER;
            case "A>B", "B<A" -> A_BETTER;
            case "A=B", "B=A" -> TIE;
            case "B>A", "A<B" -> B_BETTER;
            case "B>>A", "A<<B" -> B_MUCH_BETTER;
            default -> throw new BadRecord("unknown game score \"" + label + "\": expected A>>B, A>B, A=B, B>A or B>>A");
        };
    }
}
