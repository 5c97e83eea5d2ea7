package dev.tribunal.rating;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Bradley–Terry maximum likelihood on aggregated pair scores.
 * <p>
 * Model: P(i beats j) = π_i / (π_i + π_j) = σ(θ_i − θ_j) with θ = ln π and σ(x) = 1 / (1 + e^−x). With s_ij the
 * (weighted, ties halved, soft) score of i against j and n_ij = s_ij + s_ji, the log-likelihood is
 * <pre>ℓ(θ) = Σ_{i&lt;j} s_ij ln σ(θ_i − θ_j) + s_ji ln σ(θ_j − θ_i),</pre>
 * concave, with gradient g_i = Σ_j (s_ij − n_ij σ(θ_i − θ_j)) and negative Hessian
 * H = Σ_{i&lt;j} n_ij σ(1 − σ) (e_i − e_j)(e_i − e_j)ᵀ, a weighted graph Laplacian. Newton's method solves
 * H Δ = g with one contestant per component held fixed (ℓ is invariant to a shift of a component), with a
 * backtracking line search; it stops when max |Δ| &lt; 1e-11, i.e. at the optimum to machine precision.
 * A fit costs O(pairs + n³) per iteration, whatever the number of battles.
 * <p>
 * <b>Many contestants, sparse comparison graphs.</b> Above 150 contestants, or when few of the n(n − 1)/2 pairs
 * met (n² &gt; 8·pairs), both fits and refits use Newton's method with the step solved by
 * conjugate gradients on H as a graph Laplacian ({@link LaplacianSystem}): O(pairs) per CG iteration and O(pairs + n)
 * memory, no n × n matrix at all. H's weights are kept in single precision (the passes over the pairs are bound by
 * memory bandwidth: 8 bytes a pair per CG iteration rather than 12); the step then solves a Hessian within a
 * relative 6e-8 of H, which slows Newton's convergence by no more than that factor per step and changes nothing
 * at the maximum, where the gradient (in double precision) is 0. The point fit solves each step to a relative residual of 1e-8 and damps it by
 * the same line search; a refit starts from θ̂ (its first gradient and Hessian from σ(θ̂_i − θ̂_j) kept per pair:
 * a pass without divisions) and solves each step only as tightly as Newton's quadratic convergence makes
 * worthwhile, the last one to leave less than 1e-11 ({@link RefitForcing}: 4 steps of 2–5 CG iterations on 1,000
 * uniformly paired contestants). Chord refits stop once the last two steps' ratio r puts the remaining distance,
 * step·r/(1 − r), below 1e-11 (see {@link #remainingAfter}), which saves the iteration that would only confirm it.
 * Refits whose steps do not halve fall back to the damped fit. The two paths reach the same maximum.
 * <p>
 * <b>Bootstrap refits.</b> Where the point's Hessian is well conditioned once its slowest modes are deflated (arenas
 * and benchmarks where contestants meet many others), resamples are refitted from θ̂ by {@link ChebyshevRefit}: one
 * pass over the pairs for the gradient per iteration, no linear solve (1,000 uniformly paired contestants: 9.6 passes,
 * ~6 ms a refit against 9.5 ms for Newton with conjugate gradients; 500: 1.4 ms against 2.8 ms for the chord below).
 * Elsewhere, or when that iteration does not converge, they are refitted by the algebra's own method, as follows.
 * <p>
 * Bootstrap resamples are refitted from the point estimate θ̂ by the chord method ({@link #refit}): with H₀ the
 * Hessian of the full data at θ̂, factored once, θ ← θ + H₀⁻¹ g(θ), O(pairs + n²) per iteration instead of
 * O(pairs + n³). A resample's Hessian is close to H₀, so the error contracts linearly by ‖I − H₀⁻¹H‖ (a few
 * percent on a million battles) and the same stopping rule, max |Δ| &lt; 1e-11, leaves it within ~1e-12 of the
 * resample's maximum. Resamples whose comparison graph differs from the point's, or whose chord iterations stall
 * (max |Δ| not halving), are fitted by Newton's method instead.
 * <p>
 * When the maximum does not exist in a component (some group never lost, or never won, against the rest of
 * it, see {@link ComparisonGraph}), that component is fitted with one virtual tie of weight {@code priorTie}
 * added to each of its compared pairs (half a win to each side, a weak prior as in Coulom's bayeselo), which
 * keeps every θ finite. Where the maximum exists nothing is added. The result is centred to mean 0 per component.
 */
final class BradleyTerry {
    private static final double STEP_TOLERANCE = 1e-11;
    static final int MAX_ITERATIONS = 200;
    /** Largest |θ| turned into a strength e^θ: e^±600 stays well inside the range of a double. */
    private static final double MAX_EXPONENT = 600;

    private final int n;
    private final int[] pairI;
    private final int[] pairJ;
    /** The pairs of i as the smaller contestant: pairStart[i] … pairStart[i + 1] − 1 ({@link PairCounts#pairStart}). */
    private final int[] pairStart;
    private final int maxIterations;
    private final Algebra algebra;
    /** Refit by {@link ChebyshevRefit} where the point's spectrum allows. */
    private final boolean chebyshev;

    private BradleyTerry(int n, int[] pairI, int[] pairJ, int[] pairStart, int maxIterations, Algebra algebra,
                         boolean chebyshev) {
        this.n = n;
        this.pairI = pairI;
        this.pairJ = pairJ;
        this.pairStart = pairStart;
        this.maxIterations = maxIterations;
        this.algebra = algebra;
        this.chebyshev = chebyshev;
    }

    static BradleyTerry of(PairCounts counts) {
        return of(counts, MAX_ITERATIONS);
    }

    /** With an iteration limit other than {@link #MAX_ITERATIONS} (tests of what happens when it is hit). */
    static BradleyTerry of(PairCounts counts, int maxIterations) {
        return of(counts, maxIterations, Algebra.forGraph(counts.contestants, counts.pairCount()));
    }

    /** With the linear algebra chosen by the caller rather than by the size of the graph. */
    static BradleyTerry of(PairCounts counts, int maxIterations, Algebra algebra) {
        return new BradleyTerry(counts.contestants, counts.pairI, counts.pairJ, counts.pairStart, maxIterations, algebra,
                true);
    }

    /** The same model refitting resamples only by its algebra's own method (tests of those methods). */
    BradleyTerry withoutChebyshev() {
        return new BradleyTerry(n, pairI, pairJ, pairStart, maxIterations, algebra, false);
    }

    Algebra algebra() {
        return algebra;
    }

    /**
     * @param logStrength  θ per contestant, mean 0 per component; NaN for contestants without battles
     * @param graph        the comparison graph of the data (before any prior)
     * @param priorApplied true when some component had no maximum and got the virtual ties
     * @param iterations   Newton or chord iterations made
     * @param solver       which of the two reached the maximum
     * @param converged    the stopping rule held; false when Newton stopped at its iteration limit or when no
     *                     damped step decreased −ℓ (then θ is the last iterate, not the maximum)
     * @param lastStep     max |Δ| of the last step
     */
    record Fit(double[] logStrength, ComparisonGraph graph, boolean priorApplied, int iterations, Solver solver,
               boolean converged, double lastStep) {
    }

    /** How Newton's iterations ended. */
    private record Outcome(int iterations, boolean converged, double lastStep) {
    }

    /** How a fit reached the maximum. */
    enum Solver { NEWTON, CHORD, NEWTON_CG, CHEBYSHEV }

    /** The linear algebra: a dense n × n Cholesky factor, or conjugate gradients on the sparse Hessian. */
    enum Algebra {
        DENSE, SPARSE;

        /**
         * Sparse above {@value #DENSE_CONTESTANTS} contestants, or when fewer than 1/8 of the n² entries of H are
         * pairs that met. Measured on 1M battles, first (cold) fit: 200 contestants 39 ms sparse against 64 ms
         * dense, 500: 196 against 323 ms, 100: 24 against 19 ms. (Refits, where most of the time goes, are mostly
         * by {@link ChebyshevRefit}, which needs neither.)
         */
        static Algebra forGraph(int n, int pairs) {
            return n > DENSE_CONTESTANTS || (double) n * n > 8.0 * pairs ? SPARSE : DENSE;
        }

        static final int DENSE_CONTESTANTS = 150;
    }

    private static final double POINT_FORCING = 1e-8;
    private static final int CG_ITERATIONS = 2000;

    /**
     * What resamples of the data of {@code point} are refitted from: the point, and unless it needed the prior,
     * σ(θ̂_i − θ̂_j) per pair (every refit's first gradient and Hessian are taken there: one pass without a
     * division or an exponential), the Chebyshev iteration's preconditioner and bounds where they pay (else null)
     * and, for the dense algebra without them, the contestants held fixed and the Cholesky factor of the
     * (fixed-reduced) Hessian at the point.
     */
    record Chord(Fit point, double[] sigma, boolean[] fixed, double[] factor, ChebyshevRefit chebyshev) {
    }

    /**
     * Fits θ to the pair scores.
     *
     * @param start    starting θ (warm start), or null for all zero
     * @param priorTie weight of the virtual tie per pair used only where the maximum does not exist
     */
    Fit fit(double[] scoreI, double[] scoreJ, double[] start, double priorTie) {
        ComparisonGraph graph = ComparisonGraph.of(n, pairI, pairJ, scoreI, scoreJ);
        boolean prior = !graph.estimable();
        double[] sI = scoreI;
        double[] sJ = scoreJ;
        if (prior) {
            sI = scoreI.clone();
            sJ = scoreJ.clone();
            for (int p = 0; p < pairI.length; p++) {
                int c = graph.component[pairI[p]];
                if (c >= 0 && !graph.stronglyConnected[c] && scoreI[p] + scoreJ[p] > 0) {
                    sI[p] += priorTie / 2;
                    sJ[p] += priorTie / 2;
                }
            }
        }
        double[] theta = startingPoint(start);
        if (algebra == Algebra.SPARSE) {
            Outcome outcome = newtonCg(theta, null, sI, sJ, graph, true, new float[pairI.length]);
            centre(theta, graph);
            return new Fit(theta, graph, prior, outcome.iterations(), Solver.NEWTON_CG, outcome.converged(),
                    outcome.lastStep());
        }
        Outcome outcome = newton(theta, sI, sJ, fixedContestants(graph));
        centre(theta, graph);
        return new Fit(theta, graph, prior, outcome.iterations(), Solver.NEWTON, outcome.converged(), outcome.lastStep());
    }

    /**
     * What resamples of the data fitted by {@code point} are refitted from: the {@link ChebyshevRefit} of H₀, the
     * Hessian of those scores at the point, where its spectrum allows; else, for the dense algebra, H₀'s factor.
     */
    Chord chord(Fit point, double[] scoreI, double[] scoreJ) {
        if (!point.graph().estimable()) return new Chord(point, null, null, null, null);
        double[] theta = startingPoint(point.logStrength());
        double[] sigma = new double[pairI.length];
        for (int p = 0; p < sigma.length; p++) sigma[p] = sigmoid(theta[pairI[p]] - theta[pairJ[p]]);
        ChebyshevRefit spectral = null;
        if (chebyshev) {
            float[] curvature = new float[pairI.length];
            double[] diagonal = new double[n];
            pointDerivatives(sigma, scoreI, scoreJ, new double[n], diagonal, curvature);
            spectral = ChebyshevRefit.of(n, pairStart, pairJ, curvature, diagonal, point.graph().component,
                    point.graph().components);
        }
        if (algebra == Algebra.SPARSE || spectral != null) return new Chord(point, sigma, null, null, spectral);
        boolean[] fixed = fixedContestants(point.graph());
        double[] hessian = new double[n * n];
        derivatives(theta, sigma, scoreI, scoreJ, fixed, new double[n], hessian);
        PositiveDefiniteSystem.factor(hessian, n);
        return new Chord(point, sigma, fixed, hessian, spectral);
    }

    /**
     * Fits θ to the pair scores of a resample of the data of {@code chord}'s point, starting there: when the
     * resample has the point's components and a maximum, by the Chebyshev iteration, chord iterations or Newton with
     * conjugate gradients (see the class comment), else (or when those do not converge) by {@link #fit}.
     */
    Fit refit(Chord chord, double[] scoreI, double[] scoreJ, double priorTie) {
        return refit(chord, scoreI, scoreJ, priorTie, new float[pairI.length]);
    }

    /**
     * As {@link #refit(Chord, double[], double[], double)}, with the Hessian's weights per pair (sparse algebra)
     * kept in {@code curvature}, which a caller can reuse from one refit to the next.
     */
    Fit refit(Chord chord, double[] scoreI, double[] scoreJ, double priorTie, float[] curvature) {
        Fit point = chord.point();
        // a point that needed the prior has no factor, and a graph that no resample keeps
        if (!point.graph().keptBy(scoreI, scoreJ)) return fit(scoreI, scoreJ, point.logStrength(), priorTie);
        double[] theta = startingPoint(point.logStrength());
        if (chord.chebyshev() != null) {
            double[] gradient = new double[n];
            double[] diagonal = new double[n];
            pointDerivatives(chord.sigma(), scoreI, scoreJ, gradient, diagonal, null);
            int iterations = chord.chebyshev().solve(theta, gradient, diagonal,
                    (at, into) -> pairDerivatives(at, null, scoreI, scoreJ, into, null), STEP_TOLERANCE);
            if (iterations < 0) return fit(scoreI, scoreJ, point.logStrength(), priorTie);
            centre(theta, point.graph());
            return new Fit(theta, point.graph(), false, iterations, Solver.CHEBYSHEV, true, 0);
        }
        if (algebra == Algebra.SPARSE) {
            Outcome outcome = newtonCg(theta, chord.sigma(), scoreI, scoreJ, point.graph(), false, curvature);
            if (!outcome.converged()) return fit(scoreI, scoreJ, point.logStrength(), priorTie);
            centre(theta, point.graph());
            return new Fit(theta, point.graph(), false, outcome.iterations(), Solver.NEWTON_CG, true, outcome.lastStep());
        }
        int iterations = chordIterations(theta, scoreI, scoreJ, chord);
        if (iterations < 0) return fit(scoreI, scoreJ, point.logStrength(), priorTie);
        centre(theta, point.graph());
        return new Fit(theta, point.graph(), false, iterations, Solver.CHORD, true, 0);
    }

    private double[] startingPoint(double[] start) {
        double[] theta = new double[n];
        if (start != null) {
            for (int i = 0; i < n; i++) theta[i] = Double.isFinite(start[i]) ? start[i] : 0;
        }
        return theta;
    }

    /**
     * θ ← θ + H₀⁻¹ g(θ) until max |Δ| &lt; STEP_TOLERANCE; the number of iterations, or −1 when they stall (a step
     * not below half the one before: the resample is too far from the point for H₀).
     */
    private int chordIterations(double[] theta, double[] sI, double[] sJ, Chord chord) {
        double[] step = new double[n];
        double previous = Double.POSITIVE_INFINITY;
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            derivatives(theta, iteration == 1 ? chord.sigma() : null, sI, sJ, chord.fixed(), step, null);
            PositiveDefiniteSystem.solveFactored(chord.factor(), n, step);
            double largest = 0;
            for (int k = 0; k < n; k++) largest = Math.max(largest, Math.abs(step[k]));
            if (!(largest < previous / 2)) return -1;
            for (int k = 0; k < n; k++) theta[k] += step[k];
            if (largest < STEP_TOLERANCE || remainingAfter(largest, previous) < STEP_TOLERANCE) return iteration;
            previous = largest;
        }
        return -1;
    }

    /**
     * The distance to the maximum left after a step of {@code step} that followed one of {@code previous}, when
     * the steps contract at least as fast as their last ratio r = step/previous (the chord's linear rate, or
     * faster for Newton): Σ_k r^k·step = step·r/(1 − r). Stopping once that is below the tolerance saves the last
     * iteration, which would only confirm it; infinite before a ratio is known.
     */
    private static double remainingAfter(double step, double previous) {
        if (!Double.isFinite(previous)) return Double.POSITIVE_INFINITY;
        double ratio = step / previous;
        return ratio < 0.5 ? step * ratio / (1 - ratio) : Double.POSITIVE_INFINITY;
    }

    /** One contestant per component (its first) and every contestant without battles stay where they are. */
    private boolean[] fixedContestants(ComparisonGraph graph) {
        boolean[] fixed = new boolean[n];
        boolean[] rooted = new boolean[graph.components];
        for (int i = 0; i < n; i++) {
            int c = graph.component[i];
            if (c < 0 || !rooted[c]) fixed[i] = true;
            if (c >= 0) rooted[c] = true;
        }
        return fixed;
    }

    private Outcome newton(double[] theta, double[] sI, double[] sJ, boolean[] fixed) {
        double[] hessian = new double[n * n];
        double[] step = new double[n];
        double negativeLogLikelihood = Double.NaN;
        double largest = Double.NaN;
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            derivatives(theta, null, sI, sJ, fixed, step, hessian);
            double[] gradient = step.clone();
            PositiveDefiniteSystem.solve(hessian, n, step);
            double ascent = 0;
            largest = 0;
            for (int k = 0; k < n; k++) {
                ascent += gradient[k] * step[k];
                largest = Math.max(largest, Math.abs(step[k]));
            }
            LineSearch.Step moved = LineSearch.descend(theta, step, largest, negativeLogLikelihood, -ascent,
                    x -> -logLikelihood(x, sI, sJ));
            if (!moved.decreased()) return new Outcome(iteration, false, largest);
            negativeLogLikelihood = moved.value();
            if (largest < STEP_TOLERANCE) return new Outcome(iteration, true, largest);
        }
        return new Outcome(maxIterations, false, largest);
    }

    /**
     * Newton's method with each step H Δ = g solved by {@link LaplacianSystem} (H the weighted Laplacian of the
     * pairs with weights n_ij σ(1 − σ)). Damped: to a relative residual of 1e-8 with the line search, as the point
     * fit. Undamped (a refit from a nearby start): to 1e-4, not converged as soon as a step fails to halve.
     */
    private Outcome newtonCg(double[] theta, double[] startSigma, double[] sI, double[] sJ, ComparisonGraph graph,
                             boolean damped, float[] curvature) {
        double[] gradient = new double[n];
        double[] step = new double[n];
        double negativeLogLikelihood = Double.NaN;
        double largest = Double.NaN;
        double previous = Double.POSITIVE_INFINITY;
        RefitForcing refit = new RefitForcing();
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            pairDerivatives(theta, iteration == 1 ? startSigma : null, sI, sJ, gradient, curvature);
            // g sums to 0 over each group but for round-off, which CG could never remove: the system must be consistent
            centreOnGroups(gradient, graph);
            int used = damped
                    ? LaplacianSystem.solve(n, pairStart, pairJ, curvature, gradient, step, POINT_FORCING, CG_ITERATIONS)
                    : LaplacianSystem.solve(n, pairStart, pairJ, curvature, gradient, step, refit.next(), CG_ITERATIONS);

            if (used < 0 && !damped) return new Outcome(iteration, false, largest);
            centreOnGroups(step, graph);   // the constant per group that ℓ does not see
            double ascent = 0;
            largest = 0;
            for (int k = 0; k < n; k++) {
                ascent += gradient[k] * step[k];
                largest = Math.max(largest, Math.abs(step[k]));
            }
            if (damped) {
                LineSearch.Step moved = LineSearch.descend(theta, step, largest, negativeLogLikelihood, -ascent,
                        x -> -logLikelihood(x, sI, sJ));
                if (!moved.decreased()) return new Outcome(iteration, false, largest);
                negativeLogLikelihood = moved.value();
            } else {
                // far from the point (a contestant with few battles can move ~1 in θ) Newton's second and third steps
                // may be over half the one before and still converge: they need only be shorter; later ones, half as
                // long (10,000 sparse contestants: 9 % of refits fell back to the damped fit, none now)
                if (!(largest < (iteration <= 3 ? previous : previous / 2))) return new Outcome(iteration, false, largest);
                for (int k = 0; k < n; k++) theta[k] += step[k];
                if (refit.leavesLessThan(largest, STEP_TOLERANCE)) return new Outcome(iteration, true, largest);
                previous = largest;
            }
            if (largest < STEP_TOLERANCE) return new Outcome(iteration, true, largest);
        }
        return new Outcome(maxIterations, false, largest);
    }

    /**
     * The forcing terms and the stopping rule of an undamped inexact Newton refit (from a nearby start). With Δ_k
     * the k-th step (max norm), solved to a relative residual η_k, the error left after it is modelled as
     * e_k ≈ K·η_k·Δ_k + C·Δ_k²: what the linear solve left, and Newton's quadratic term. C is estimated by
     * min_k Δ_k / Δ_{k−1}² (an overestimate: a step also carries the previous solve's error) and K = 10 (measured
     * on uniform and sparse graphs: at most 1.5). A step is solved only as tightly as the quadratic term makes
     * worthwhile, η_k = C·Δ_{k−1} within [1e-10, 1e-2] (1e-2 and min(1e-2, Δ_1) for the first two), unless its
     * conjugate gradients find it short enough to be the last (C·Δ² below half the tolerance, Δ the CG iterate's
     * max |x_i|): then they go on to η = tolerance / (2K·Δ). The refit stops once e_k is below the tolerance, with
     * no further step only to confirm it.
     */
    private static final class RefitForcing {
        private static final double K = 10;
        private double quadratic = Double.POSITIVE_INFINITY;
        private double lastStep = Double.POSITIVE_INFINITY;
        private double base;
        private double forcing;

        /** The relative residual for the next step's CG, as a function of its iterate's max |x_i|. */
        DoubleUnaryOperator next() {
            base = !Double.isFinite(lastStep) ? 1e-2
                    : !Double.isFinite(quadratic) ? Math.min(1e-2, lastStep)
                    : Math.max(1e-10, Math.min(1e-2, quadratic * lastStep));
            return step -> forcing = quadratic * step * step < STEP_TOLERANCE / 2
                    ? Math.max(1e-12, Math.min(base, STEP_TOLERANCE / (2 * K * step))) : base;
        }

        /** Records a step of max |Δ| = {@code step} solved by the last CG: is e_k below {@code tolerance}? */
        boolean leavesLessThan(double step, double tolerance) {
            if (Double.isFinite(lastStep)) quadratic = Math.min(quadratic, step / (lastStep * lastStep));
            lastStep = step;
            return step < tolerance || K * forcing * step + quadratic * step * step < tolerance;
        }
    }

    /**
     * The gradient g of ℓ at θ, and per pair the curvature n_ij σ(1 − σ) (the weights of H as a Laplacian). One
     * pass over the pairs by rows, g_i summed in a register.
     *
     * @param sigma σ(θ_i − θ_j) per pair when known (θ is the point), else null
     */
    private void pairDerivatives(double[] theta, double[] sigma, double[] sI, double[] sJ, double[] gradient,
                                 float[] curvature) {
        Arrays.fill(gradient, 0);
        double[] strength = sigma == null ? strengths(theta) : null;
        for (int i = 0; i < n; i++) {
            double gi = 0;
            for (int p = pairStart[i]; p < pairStart[i + 1]; p++) {
                int j = pairJ[p];
                double total = sI[p] + sJ[p];
                double s = sigma != null ? sigma[p]
                        : strength != null ? strength[i] / (strength[i] + strength[j]) : sigmoid(theta[i] - theta[j]);
                double residual = sI[p] - total * s;
                gi += residual;
                gradient[j] -= residual;
                if (curvature != null) curvature[p] = (float) (total * s * (1 - s));
            }
            gradient[i] += gi;
        }
    }

    /**
     * At the point (σ per pair known: no division), the gradient g of ℓ and the diagonal of the negative Hessian,
     * Σ_j n_ij σ(1 − σ) per contestant, in one pass; and, unless {@code weights} is null, the Hessian's pair weights.
     */
    private void pointDerivatives(double[] sigma, double[] sI, double[] sJ, double[] gradient, double[] diagonal,
                                  float[] weights) {
        for (int i = 0; i < n; i++) {
            double gi = 0;
            double hi = 0;
            for (int p = pairStart[i]; p < pairStart[i + 1]; p++) {
                int j = pairJ[p];
                double total = sI[p] + sJ[p];
                double s = sigma[p];
                double residual = sI[p] - total * s;
                double curvature = total * s * (1 - s);
                gi += residual;
                gradient[j] -= residual;
                hi += curvature;
                diagonal[j] += curvature;
                if (weights != null) weights[p] = (float) curvature;
            }
            gradient[i] += gi;
            diagonal[i] += hi;
        }
    }

    /**
     * The gradient g of ℓ at θ into {@code gradient} and, unless null, the negative Hessian H into {@code hessian},
     * both reduced to the free contestants: a fixed one has g_k = 0 and the row and column of the identity.
     *
     * @param sigma σ(θ_i − θ_j) per pair when known (θ is the point), else null
     */
    private void derivatives(double[] theta, double[] sigma, double[] sI, double[] sJ, boolean[] fixed,
                             double[] gradient, double[] hessian) {
        Arrays.fill(gradient, 0);
        if (hessian != null) Arrays.fill(hessian, 0);
        double[] strength = sigma == null ? strengths(theta) : null;
        for (int i = 0; i < n; i++) {
            double gi = 0;
            for (int p = pairStart[i]; p < pairStart[i + 1]; p++) {
                int j = pairJ[p];
                double total = sI[p] + sJ[p];
                double s = sigma != null ? sigma[p]
                        : strength != null ? strength[i] / (strength[i] + strength[j]) : sigmoid(theta[i] - theta[j]);
                double residual = sI[p] - total * s;
                gi += residual;
                gradient[j] -= residual;
                if (hessian != null) {
                    double curvature = total * s * (1 - s);
                    hessian[i * n + i] += curvature;
                    hessian[j * n + j] += curvature;
                    hessian[i * n + j] -= curvature;
                    hessian[j * n + i] -= curvature;
                }
            }
            gradient[i] += gi;
        }
        for (int k = 0; k < n; k++) {
            if (fixed[k]) gradient[k] = 0;
            if (hessian == null) continue;
            if (fixed[k]) {
                for (int m = 0; m < n; m++) {
                    hessian[k * n + m] = 0;
                    hessian[m * n + k] = 0;
                }
                hessian[k * n + k] = 1;
            } else {
                hessian[k * n + k] *= 1 + 1e-14;   // guards the factorisation against round-off only
            }
        }
    }

    /**
     * π = e^θ, with which σ(θ_i − θ_j) = π_i / (π_i + π_j) costs n exponentials rather than one per pair; null when
     * some |θ_i| &gt; 600, where a π could overflow or two could underflow to 0/0 (then σ is computed per pair).
     */
    private static double[] strengths(double[] theta) {
        double[] strength = new double[theta.length];
        for (int k = 0; k < theta.length; k++) {
            if (!(Math.abs(theta[k]) <= MAX_EXPONENT)) return null;
            strength[k] = Math.exp(theta[k]);
        }
        return strength;
    }

    private double logLikelihood(double[] theta, double[] sI, double[] sJ) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int p = pairStart[i]; p < pairStart[i + 1]; p++) {
                double total = sI[p] + sJ[p];
                if (total == 0) continue;
                double d = theta[i] - theta[pairJ[p]];
                sum += total * logSigmoid(d) - sJ[p] * d;   // ln σ(−d) = ln σ(d) − d
            }
        }
        return sum;
    }

    /** Subtracts from each contestant the mean of its group; contestants without battles are left as they are. */
    private void centreOnGroups(double[] v, ComparisonGraph graph) {
        double[] sum = new double[graph.components];
        int[] size = new int[graph.components];
        for (int i = 0; i < n; i++) {
            int c = graph.component[i];
            if (c >= 0) {
                sum[c] += v[i];
                size[c]++;
            }
        }
        for (int i = 0; i < n; i++) {
            int c = graph.component[i];
            if (c >= 0) v[i] -= sum[c] / size[c];
        }
    }

    /** As {@link #centreOnGroups}, and contestants without battles get no rating (NaN). */
    private void centre(double[] theta, ComparisonGraph graph) {
        centreOnGroups(theta, graph);
        for (int i = 0; i < n; i++) if (graph.component[i] < 0) theta[i] = Double.NaN;
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    /**
     * ln σ(x) = −ln(1 + e^−|x|) + min(x, 0), without overflow. Math.log(1 + e) rather than log1p: the absolute
     * error stays below 1e-16, which is all a log-likelihood sum needs, at a fraction of log1p's cost.
     */
    static double logSigmoid(double x) {
        double log = Math.log(1 + Math.exp(-Math.abs(x)));
        return x >= 0 ? -log : x - log;
    }
}
