package dev.tribunal.arena;

/**
 * Votes on rounds between the same two judges, oriented to one round: {@code a} = votes for the judge that is
 * A in that round (whatever side it was shown on then), {@code b} likewise.
 */
public record PairTally(long votes, long a, long b, long tie, long bothBad) {

    public static final PairTally NONE = new PairTally(0, 0, 0, 0, 0);

    /** This tally without one vote of {@code choice}. */
    public PairTally without(Choice choice) {
        return switch (choice) {
            case A -> new PairTally(votes - 1, a - 1, b, tie, bothBad);
            case B -> new PairTally(votes - 1, a, b - 1, tie, bothBad);
            case TIE -> new PairTally(votes - 1, a, b, tie - 1, bothBad);
            case BOTH_BAD -> new PairTally(votes - 1, a, b, tie, bothBad - 1);
        };
    }

    /** The same votes seen from the other judge's side. */
    public PairTally swapped() {
        return new PairTally(votes, b, a, tie, bothBad);
    }
}
