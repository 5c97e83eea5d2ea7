package dev.tribunal.rating;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Online Elo over the battles in time order (equal times in input order). A bootstrap round replays N battles
 * drawn with replacement, in the order drawn (FastChat's bootstrap of online Elo). With an anchor, all ratings are
 * shifted so that the anchor has the anchor rating; without one they are left as the updates leave them (mean =
 * the initial rating, the updates being zero-sum).
 */
final class OnlineEloEstimator implements Estimator {
    private final int contestants;
    private final BattleRows rows;
    private final OnlineElo elo;
    private final Anchoring anchoring;

    OnlineEloEstimator(int contestants, BattleRows rows, OnlineElo elo, Anchoring anchoring) {
        this.contestants = contestants;
        this.rows = rows;
        this.elo = elo;
        this.anchoring = anchoring;
    }

    @Override
    public double[] point() {
        double[] ratings = elo.ratings(contestants, rows, rows.timeOrder());
        anchor(ratings, new int[contestants]);
        return ratings;
    }

    @Override
    public double[] round(SplittableRandom random) {
        int n = rows.size();
        int[] order = new int[n];
        int[] component = new int[contestants];
        java.util.Arrays.fill(component, -1);
        for (int r = 0; r < n; r++) {
            order[r] = random.nextInt(n);
            component[rows.a[order[r]]] = 0;
            component[rows.b[order[r]]] = 0;
        }
        double[] ratings = elo.ratings(contestants, rows, order);
        for (int i = 0; i < contestants; i++) {
            if (component[i] < 0) ratings[i] = Double.NaN;
        }
        anchor(ratings, component);
        return ratings;
    }

    private void anchor(double[] ratings, int[] component) {
        int a = anchoring.anchor();
        if (a >= 0 && component[a] >= 0) anchoring.apply(ratings, component, 1);
    }

    @Override
    public List<String> notes() {
        return List.of();
    }
}
