package dev.tribunal.bench.collective;

import java.util.List;
import java.util.Map;

/**
 * A collective run's boards and figures.
 *
 * @param source            the boards' source on the models board, {@code collective:<run>}
 * @param rows              the overall board, by score
 * @param topics            topic → its board, by score
 * @param judgeWeights      each pool model's final weight as a judge (sum 1)
 * @param models            per model: cost, latency, failures, unparseable ratings, distance from the consensus
 * @param iterations        iterations done
 * @param questionsKept     questions the pool kept (one per iteration at most)
 * @param questionsRejected questions it rated below the thresholds
 * @param duplicates        questions dropped as near-duplicates of earlier ones
 */
public record CollectiveReport(long runId, String source, List<CollectiveRow> rows, Map<String, List<CollectiveRow>> topics,
                               Map<String, Double> judgeWeights, List<ModelStats> models, int iterations,
                               int questionsKept, int questionsRejected, int duplicates) {
}
