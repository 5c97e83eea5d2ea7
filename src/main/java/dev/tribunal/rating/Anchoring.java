package dev.tribunal.rating;

/**
 * Fixes the free offset of Elo-scale ratings: rating = 400·log10(strength) + offset, one offset per component of
 * the comparison graph (ratings in different components are not comparable). The anchor's component is shifted so
 * that the anchor has the anchor rating; every other component (all of them when there is no anchor) is shifted
 * to a mean of the anchor rating.
 *
 * @param anchor       index of the anchor, or −1 for none
 * @param anchorRating the anchor's rating, or the mean without an anchor
 */
record Anchoring(int anchor, double anchorRating) {
    static final double ELO_PER_NAT = 400 / Math.log(10);

    /**
     * Shifts {@code ratings} in place, component by component; {@code component[i]} &lt; 0 (no battles) leaves
     * rating i as it is (NaN).
     */
    void apply(double[] ratings, int[] component, int components) {
        double[] sum = new double[components];
        int[] size = new int[components];
        for (int i = 0; i < ratings.length; i++) {
            if (component[i] >= 0) {
                sum[component[i]] += ratings[i];
                size[component[i]]++;
            }
        }
        double[] shift = new double[components];
        for (int c = 0; c < components; c++) shift[c] = anchorRating - sum[c] / size[c];
        if (anchor >= 0 && component[anchor] >= 0) shift[component[anchor]] = anchorRating - ratings[anchor];
        for (int i = 0; i < ratings.length; i++) {
            if (component[i] >= 0) ratings[i] += shift[component[i]];
        }
        if (anchor >= 0 && component[anchor] >= 0) ratings[anchor] = anchorRating;   // exactly, not up to round-off
    }

    /** Elo-scale ratings from natural log-strengths θ: 400·θ/ln 10, then anchored. */
    double[] fromLogStrength(double[] theta, int[] component, int components) {
        double[] ratings = new double[theta.length];
        for (int i = 0; i < theta.length; i++) ratings[i] = ELO_PER_NAT * theta[i];
        apply(ratings, component, components);
        return ratings;
    }
}
