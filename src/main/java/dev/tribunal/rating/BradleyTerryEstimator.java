package dev.tribunal.rating;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Bradley–Terry ratings of a battle set, anchored, and their bootstrap rounds: a multinomial resample of the
 * (a, b, outcome, weight) cells, refitted from the point estimate by the chord method ({@link BradleyTerry#refit}).
 */
final class BradleyTerryEstimator implements Estimator {
    private final List<String> names;
    private final PairCounts cells;
    private final BradleyTerry model;
    private final Anchoring anchoring;
    private final MultinomialResampler resampler;
    /** Cluster bootstrap: the units and their resampler; null to resample battles. */
    private final UnitCells units;
    /** Weight of the virtual tie used only where the maximum does not exist: one battle of average weight. */
    private final double priorTie;

    BradleyTerryEstimator(List<String> names, PairCounts cells, Anchoring anchoring) {
        this(names, cells, null, anchoring, BradleyTerry.MAX_ITERATIONS);
    }

    /** The cluster bootstrap: rounds resample {@code units} (null: battles). */
    BradleyTerryEstimator(List<String> names, PairCounts cells, UnitCells units, Anchoring anchoring) {
        this(names, cells, units, anchoring, BradleyTerry.MAX_ITERATIONS);
    }

    /** With Newton's iteration limit other than the default (tests of what happens when it is hit). */
    BradleyTerryEstimator(List<String> names, PairCounts cells, Anchoring anchoring, int maxIterations) {
        this(names, cells, null, anchoring, maxIterations);
    }

    private BradleyTerryEstimator(List<String> names, PairCounts cells, UnitCells units, Anchoring anchoring,
                                  int maxIterations) {
        this.names = names;
        this.cells = cells;
        this.units = units;
        this.model = BradleyTerry.of(cells, maxIterations);
        this.anchoring = anchoring;
        long[] ones = new long[units == null ? 0 : units.units];
        java.util.Arrays.fill(ones, 1);
        this.resampler = new MultinomialResampler(units == null ? cells.count : ones);
        this.priorTie = cells.totalWeight() / cells.totalCount();
    }

    @Override
    public Estimate estimate() {
        double[] scoreI = new double[cells.pairCount()];
        double[] scoreJ = new double[cells.pairCount()];
        cells.pairScores(cells.count, scoreI, scoreJ);
        BradleyTerry.Fit fit = model.fit(scoreI, scoreJ, null, priorTie);
        ComparisonGraph graph = fit.graph();
        List<String> notes = new ArrayList<>();
        if (graph.components > 1) notes.add(ComponentNotes.disconnected(names, graph, anchoring));
        if (fit.priorApplied()) notes.add(ComponentNotes.noMaximum(names, graph, cells, scoreI, scoreJ, priorTie));
        if (!fit.converged()) {
            notes.add(ComponentNotes.notConverged("Bradley–Terry", fit.iterations(), fit.lastStep()));
        }
        boolean[] fromPrior = new boolean[names.size()];
        for (int i = 0; i < fromPrior.length; i++) {
            int c = graph.component[i];
            fromPrior[i] = c >= 0 && !graph.stronglyConnected[c];
        }
        // made once, by the first bootstrap thread to reach a refit (the other draws its first resample meanwhile);
        // without rounds there is no need for it
        Supplier<BradleyTerry.Chord> chord = new Supplier<>() {
            private BradleyTerry.Chord made;

            @Override
            public synchronized BradleyTerry.Chord get() {
                if (made == null) made = model.chord(fit, scoreI, scoreJ);
                return made;
            }
        };
        return new Estimate(ratings(fit), fromPrior, notes, null, () -> new Worker(chord)::round);
    }

    /** One thread's rounds: the counts, pair scores and Hessian weights of a round, kept for the next. */
    private final class Worker {
        private final Supplier<BradleyTerry.Chord> chords;
        private BradleyTerry.Chord chord;
        private final long[] drawn = new long[cells.size()];
        private final long[] unitsDrawn = new long[units == null ? 0 : units.units];
        private final double[] scoreI = new double[cells.pairCount()];
        private final double[] scoreJ = new double[cells.pairCount()];
        private final float[] curvature = new float[cells.pairCount()];

        Worker(Supplier<BradleyTerry.Chord> chords) {
            this.chords = chords;
        }

        Ratings round(SplittableRandom random) {
            if (units == null) {
                resampler.resample(random, drawn);
            } else {
                resampler.resample(random, unitsDrawn);
                units.cellCounts(unitsDrawn, drawn);
            }
            cells.pairScores(drawn, scoreI, scoreJ);
            if (chord == null) chord = chords.get();
            return ratings(model.refit(chord, scoreI, scoreJ, priorTie, curvature));
        }
    }

    private Ratings ratings(BradleyTerry.Fit fit) {
        ComparisonGraph graph = fit.graph();
        return new Ratings(anchoring.fromLogStrength(fit.logStrength(), graph.component, graph.components),
                graph.component, fit.priorApplied(), fit.converged());
    }
}
