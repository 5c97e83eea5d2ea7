package dev.tribunal.arena;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The evaluations already in the store — the PRD demo's real critiques, imported ones, and the ones live
 * judges wrote — as the arena's {@link EvaluationSource}.
 */
public final class StoredEvaluations implements EvaluationSource {

    private final ArenaCatalog catalog;

    public StoredEvaluations(ArenaCatalog catalog) {
        this.catalog = catalog;
    }

    /** A stored (demo, imported) sample; a live one when there are none. */
    @Override
    public Optional<Matchup> draw(RandomGenerator random) {
        long[] stored = catalog.eligibleSamples();
        return drawAmong(stored.length > 0 ? stored : catalog.eligibleLiveSamples(), random);
    }

    /** A matchup on one of the samples {@code ids}, at random; empty if none has two usable evaluations. */
    Optional<Matchup> drawAmong(long[] ids, RandomGenerator random) {
        // a sample can lose its eligibility between refreshes (never in practice): try a few
        for (int attempt = 0; attempt < 8 && ids.length > 0; attempt++) {
            Optional<Matchup> matchup = redraw(ids[random.nextInt(ids.length)], Set.of(), random);
            if (matchup.isPresent()) return matchup;
        }
        return Optional.empty();
    }

    @Override
    public Optional<Matchup> redraw(long sampleId, Set<String> avoid, RandomGenerator random) {
        List<JudgeEvaluation> fresh = new ArrayList<>();
        List<JudgeEvaluation> avoided = new ArrayList<>();
        for (JudgeEvaluation e : catalog.evaluationsOf(sampleId)) (avoid.contains(e.judge()) ? avoided : fresh).add(e);
        JudgeEvaluation first = takeRandom(fresh, avoided, random);
        JudgeEvaluation second = takeRandom(fresh, avoided, random);
        if (first == null || second == null) return Optional.empty();
        return Optional.of(new Matchup(catalog.sample(sampleId), first, second));
    }

    /** Removes and returns a random element of {@code preferred}, or else of {@code fallback}; null if both are empty. */
    private static JudgeEvaluation takeRandom(List<JudgeEvaluation> preferred, List<JudgeEvaluation> fallback,
                                              RandomGenerator random) {
        List<JudgeEvaluation> from = preferred.isEmpty() ? fallback : preferred;
        return from.isEmpty() ? null : from.remove(random.nextInt(from.size()));
    }
}
