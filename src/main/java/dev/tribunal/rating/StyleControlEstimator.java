package dev.tribunal.rating;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Style-controlled Bradley–Terry ({@link StyleControl}) of a battle set: ratings 400·β with style held equal,
 * anchored; a bootstrap round resamples the battles (a tie keeps both of its rows), keeps the standardisation of
 * the full data (as Arena-Hard does) and refits from the point estimate. The L2 penalty keeps every β finite, so
 * no rating depends on a prior added only where the maximum does not exist.
 */
final class StyleControlEstimator implements Estimator {
    private static final String[] FEATURE_NAMES = {"tokens", "headers", "list items", "bold"};

    private final List<String> names;
    private final int contestants;
    private final StyleCells cells;
    private final StyleControl model;
    private final Anchoring anchoring;
    private final MultinomialResampler resampler;

    StyleControlEstimator(List<String> names, StyleCells cells, Anchoring anchoring) {
        this(names, cells, anchoring, StyleControl.MAX_ITERATIONS);
    }

    /** With Newton's iteration limit other than the default (tests of what happens when it is hit). */
    StyleControlEstimator(List<String> names, StyleCells cells, Anchoring anchoring, int maxIterations) {
        if (cells.size() == 0) {
            throw new IllegalArgumentException("style control needs battles with answer styles (styleA and styleB);"
                    + " none of the " + cells.missing + " battles has them");
        }
        this.names = names;
        this.contestants = names.size();
        this.cells = cells;
        this.model = new StyleControl(contestants, cells, maxIterations);
        this.anchoring = anchoring;
        this.resampler = new MultinomialResampler(cells.count);
    }

    @Override
    public Estimate estimate() {
        List<String> notes = new ArrayList<>();
        if (cells.missing > 0) {
            notes.add(cells.missing + " battles without answer styles were left out of the style-controlled fit");
        }
        for (int k = 0; k < StyleControl.FEATURES; k++) {
            if (model.constant[k]) {
                notes.add("the style feature '" + FEATURE_NAMES[k] + "' is the same in every battle and was left"
                        + " out (its coefficient is 0)");
            }
        }
        StyleControl.Fit fit = model.fit(cells.count, null);
        double[] pointBeta = fit.beta();
        double[] coefficients = new double[StyleControl.FEATURES];
        System.arraycopy(pointBeta, contestants, coefficients, 0, coefficients.length);
        ComparisonGraph graph = fit.graph();
        if (graph.components > 1) notes.add(ComponentNotes.disconnected(names, graph, anchoring));
        if (!fit.converged()) {
            notes.add(ComponentNotes.notConverged("style-controlled Bradley–Terry", fit.iterations(), fit.lastStep()));
        }
        return new Estimate(ratings(fit), new boolean[contestants], notes, StyleCoefficients.of(coefficients),
                () -> random -> round(pointBeta, random));
    }

    private Ratings round(double[] pointBeta, SplittableRandom random) {
        long[] drawn = new long[cells.size()];
        resampler.resample(random, drawn);
        return ratings(model.fit(drawn, pointBeta));
    }

    private Ratings ratings(StyleControl.Fit fit) {
        double[] ratings = new double[contestants];
        ComparisonGraph graph = fit.graph();
        for (int i = 0; i < contestants; i++) {
            ratings[i] = graph.component[i] >= 0 ? 400 * fit.beta()[i] : Double.NaN;
        }
        anchoring.apply(ratings, graph.component, graph.components);
        return new Ratings(ratings, graph.component, false, fit.converged());
    }
}
