package dev.tribunal.rating;

/**
 * The difference of two independent shares, d = p₁ − p₂, with Newcombe's hybrid score interval (method 10 of
 * Newcombe 1998), built from the two Wilson intervals [l₁, u₁] and [l₂, u₂]:
 * <pre>lower = d − √((p₁ − l₁)² + (u₂ − p₂)²),   upper = d + √((u₁ − p₁)² + (p₂ − l₂)²).</pre>
 * NaN when either share has no trials.
 */
public record ProportionDifference(Proportion first, Proportion second, double difference, double lower, double upper) {

    public static ProportionDifference of(Proportion first, Proportion second) {
        if (first.trials() == 0 || second.trials() == 0) {
            return new ProportionDifference(first, second, Double.NaN, Double.NaN, Double.NaN);
        }
        double p1 = first.share();
        double p2 = second.share();
        double d = p1 - p2;
        double lower = d - Math.hypot(p1 - first.lower(), second.upper() - p2);
        double upper = d + Math.hypot(first.upper() - p1, p2 - second.lower());
        return new ProportionDifference(first, second, d, lower, upper);
    }

    /** True when the interval lies wholly above 0: the first share is higher. */
    public boolean firstHigher() {
        return lower > 0;
    }
}
