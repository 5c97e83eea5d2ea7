package dev.tribunal.rating;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Online Elo over the battles in time order (equal times in input order). A bootstrap round replays N battles
 * drawn with replacement, in the order drawn (FastChat's bootstrap of online Elo). The updates are zero-sum within
 * each group of contestants that met (directly or through others), so each group keeps the mean initial rating
 * and ratings compare only within a group, as with Bradley–Terry. With an anchor, the anchor's group is shifted
 * so that the anchor has the anchor rating; without one the ratings are left as the updates leave them.
 */
final class OnlineEloEstimator implements Estimator {
    private final List<String> names;
    private final PairCounts cells;
    private final BattleRows rows;
    private final OnlineElo elo;
    private final Anchoring anchoring;
    private final double initial;

    OnlineEloEstimator(List<String> names, PairCounts cells, BattleRows rows, OnlineElo elo, double initial,
                       Anchoring anchoring) {
        this.names = names;
        this.cells = cells;
        this.rows = rows;
        this.elo = elo;
        this.initial = initial;
        this.anchoring = anchoring;
    }

    @Override
    public Estimate estimate() {
        double[] ratings = elo.ratings(names.size(), rows, rows.timeOrder());
        double[] scoreI = new double[cells.pairCount()];
        double[] scoreJ = new double[cells.pairCount()];
        cells.pairScores(cells.count, scoreI, scoreJ);
        ComparisonGraph graph = ComparisonGraph.of(names.size(), cells.pairI, cells.pairJ, scoreI, scoreJ);
        List<String> notes = new ArrayList<>();
        if (graph.components > 1) {
            Anchoring described = anchoring.anchor() >= 0 ? anchoring : new Anchoring(-1, initial);
            notes.add(ComponentNotes.disconnected(names, graph, described));
        }
        anchor(ratings, graph.component);
        return new Estimate(new Ratings(ratings, graph.component, false, true), new boolean[names.size()], notes,
                null, () -> this::round);
    }

    private Ratings round(SplittableRandom random) {
        int n = rows.size();
        int[] order = new int[n];
        int[] parent = new int[names.size()];
        Arrays.fill(parent, -1);   // −1: not drawn; else union–find over the drawn battles
        for (int r = 0; r < n; r++) {
            order[r] = random.nextInt(n);
            int a = rows.a[order[r]];
            int b = rows.b[order[r]];
            if (parent[a] < 0) parent[a] = a;
            if (parent[b] < 0) parent[b] = b;
            parent[root(parent, a)] = root(parent, b);
        }
        int[] component = new int[names.size()];
        int[] label = new int[names.size()];
        Arrays.fill(label, -1);
        int components = 0;
        for (int i = 0; i < component.length; i++) {
            if (parent[i] < 0) {
                component[i] = -1;
                continue;
            }
            int r = root(parent, i);
            if (label[r] < 0) label[r] = components++;
            component[i] = label[r];
        }
        double[] ratings = elo.ratings(names.size(), rows, order);
        for (int i = 0; i < ratings.length; i++) {
            if (component[i] < 0) ratings[i] = Double.NaN;
        }
        anchor(ratings, component);
        return new Ratings(ratings, component, false, true);
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];   // path halving
            i = parent[i];
        }
        return i;
    }

    /** Shifts the anchor's group so that the anchor has the anchor rating; the other groups stay as they are. */
    private void anchor(double[] ratings, int[] component) {
        int a = anchoring.anchor();
        if (a < 0 || component[a] < 0) return;
        double shift = anchoring.anchorRating() - ratings[a];
        for (int i = 0; i < ratings.length; i++) {
            if (component[i] == component[a]) ratings[i] += shift;
        }
        ratings[a] = anchoring.anchorRating();
    }
}
