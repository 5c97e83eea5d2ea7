package dev.tribunal.store;

/**
 * A vote with everything it was about, for the export: the sample, both evaluations shown (A and B as in
 * the round) and the judges' names.
 */
public record VoteRecord(Vote vote, Sample sample, Evaluation evaluationA, String judgeA, Evaluation evaluationB,
                         String judgeB) {
}
