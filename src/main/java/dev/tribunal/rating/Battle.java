package dev.tribunal.rating;

import java.util.Objects;

/**
 * The one record every source of evidence ends in: two contestants and an outcome.
 *
 * @param a        the first contestant
 * @param b        the second contestant
 * @param outcome  in [0, 1]: 1 = a wins, 0 = b wins, 0.5 = tie, anything between = a soft preference for a
 * @param weight   how many battles this one counts as (> 0)
 * @param category free text, may be null
 * @param time     epoch milliseconds, or the row's position when the source has no time; orders online Elo
 * @param styleA   a's answer style, or null when unknown (needed only by style control)
 * @param styleB   b's answer style, or null when unknown
 * @param unit     what this battle shares with others and makes them dependent (a question, a voter, a sample),
 *                 for the cluster bootstrap; null when it shares nothing (or nobody asked)
 */
public record Battle(String a, String b, double outcome, double weight, String category, long time,
                     AnswerStyle styleA, AnswerStyle styleB, String unit) {

    public Battle {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.equals(b)) throw new IllegalArgumentException("a battle needs two different contestants: " + a);
        if (!(outcome >= 0 && outcome <= 1)) throw new IllegalArgumentException("outcome must be in [0, 1]: " + outcome);
        if (!(weight > 0) || Double.isInfinite(weight)) throw new IllegalArgumentException("weight must be > 0: " + weight);
    }

    /** A battle that shares no unit with others. */
    public Battle(String a, String b, double outcome, double weight, String category, long time, AnswerStyle styleA,
                  AnswerStyle styleB) {
        this(a, b, outcome, weight, category, time, styleA, styleB, null);
    }

    public static Battle of(String a, String b, double outcome) {
        return new Battle(a, b, outcome, 1, null, 0, null, null);
    }

    /** The same battle in the unit {@code unit}. */
    public Battle inUnit(String unit) {
        return new Battle(a, b, outcome, weight, category, time, styleA, styleB, unit);
    }

    public boolean hasStyle() {
        return styleA != null && styleB != null;
    }
}
