package dev.tribunal.store;

/**
 * A vote with everything it was about, for the export: the sample, both evaluations shown (A and B as in
 * the round), the judges' names, and whether each evaluation is still in the arena ({@link ArenaEligibility}):
 * then what it says must not be published next to its judge.
 */
public record VoteRecord(Vote vote, Sample sample, Evaluation evaluationA, String judgeA, Evaluation evaluationB,
                         String judgeB, boolean inArenaA, boolean inArenaB) {
}
