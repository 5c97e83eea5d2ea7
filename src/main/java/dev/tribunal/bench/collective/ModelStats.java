package dev.tribunal.bench.collective;

/**
 * What one pool model cost and how it behaved, as a contestant and as a judge.
 *
 * @param answers           answers it gave
 * @param answerCost        what its answers cost
 * @param costPerAnswer     answerCost / answers (NaN without answers)
 * @param meanLatencyMs     mean answer latency
 * @param p99LatencyMs      99th percentile answer latency (nearest rank)
 * @param failures          answers and ratings of its that failed for good (provider errors)
 * @param ratings           ratings it gave (of questions and answers)
 * @param unparseable       of those, the ones whose reply could not be read (counted, never guessed)
 * @param judgingCost       what its ratings cost
 * @param authoringCost     what the questions it wrote cost
 * @param cost              all it cost: answers, ratings and questions
 * @param consensusDistance mean |its rating − the answer's weighted mean rating| over the answers it rated, or NaN
 * @param weight            its final weight as a judge
 */
public record ModelStats(String model, int answers, double answerCost, double costPerAnswer, double meanLatencyMs,
                         double p99LatencyMs, long failures, long ratings, long unparseable, double judgingCost,
                         double authoringCost, double cost, double consensusDistance, double weight) {
}
