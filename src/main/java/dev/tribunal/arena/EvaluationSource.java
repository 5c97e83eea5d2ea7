package dev.tribunal.arena;

import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Where the arena's critiques come from: evaluations already in the store (the PRD demo, imports:
 * {@link StoredEvaluations}), or live LLM judges that evaluate a sample on demand and store what they wrote
 * ({@link LiveEvaluations}). The arena does not care which: it asks for a matchup and gets a sample with two
 * judges' evaluations.
 */
public interface EvaluationSource {

    /** A random sample that at least two judges have evaluated, with two of those evaluations; empty if none. */
    Optional<Matchup> draw(RandomGenerator random);

    /**
     * Two evaluations of the sample {@code sampleId} by judges, preferring judges not in {@code avoid}
     * (taking as few of them as possible); empty when the sample has fewer than two judges.
     */
    Optional<Matchup> redraw(long sampleId, Set<String> avoid, RandomGenerator random);
}
