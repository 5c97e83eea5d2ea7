package dev.tribunal.rating;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bradley–Terry ratings of a battle set, anchored, and their bootstrap rounds: a multinomial resample of the
 * (a, b, outcome, weight) cells, refitted from the point estimate (warm start).
 */
final class BradleyTerryEstimator implements Estimator {
    private final List<String> names;
    private final PairCounts cells;
    private final BradleyTerry model;
    private final Anchoring anchoring;
    private final MultinomialResampler resampler;
    /** Weight of the virtual tie used only where the maximum does not exist: one battle of average weight. */
    private final double priorTie;
    private final AtomicInteger roundsWithPrior = new AtomicInteger();
    private final AtomicInteger rounds = new AtomicInteger();
    private final List<String> notes = new ArrayList<>();
    private double[] pointLogStrength;
    private boolean pointPrior;

    BradleyTerryEstimator(List<String> names, PairCounts cells, Anchoring anchoring) {
        this.names = names;
        this.cells = cells;
        this.model = BradleyTerry.of(cells);
        this.anchoring = anchoring;
        this.resampler = new MultinomialResampler(cells.count);
        this.priorTie = cells.totalWeight() / cells.totalCount();
    }

    @Override
    public double[] point() {
        double[] scoreI = new double[cells.pairCount()];
        double[] scoreJ = new double[cells.pairCount()];
        cells.pairScores(cells.count, scoreI, scoreJ);
        BradleyTerry.Fit fit = model.fit(scoreI, scoreJ, null, priorTie);
        pointLogStrength = fit.logStrength();
        pointPrior = fit.priorApplied();
        ComparisonGraph graph = fit.graph();
        if (graph.components > 1) notes.add(ComponentNotes.disconnected(names, graph, anchoring));
        if (pointPrior) notes.add(ComponentNotes.noMaximum(names, graph, cells, scoreI, scoreJ, priorTie));
        return anchoring.fromLogStrength(pointLogStrength, graph.component, graph.components);
    }

    @Override
    public double[] round(SplittableRandom random) {
        long[] drawn = new long[cells.size()];
        resampler.resample(random, drawn);
        double[] scoreI = new double[cells.pairCount()];
        double[] scoreJ = new double[cells.pairCount()];
        cells.pairScores(drawn, scoreI, scoreJ);
        BradleyTerry.Fit fit = model.fit(scoreI, scoreJ, pointLogStrength, priorTie);
        rounds.incrementAndGet();
        if (fit.priorApplied()) roundsWithPrior.incrementAndGet();
        return anchoring.fromLogStrength(fit.logStrength(), fit.graph().component, fit.graph().components);
    }

    @Override
    public List<String> notes() {
        List<String> all = new ArrayList<>(notes);
        int withPrior = roundsWithPrior.get();
        if (withPrior > 0 && !pointPrior) {
            all.add(withPrior + " of " + rounds.get() + " bootstrap resamples had no maximum-likelihood estimate"
                    + " (some contestant never lost or never won in it) and were fitted with the same weak prior"
                    + " of one virtual tie per compared pair");
        }
        return all;
    }
}
