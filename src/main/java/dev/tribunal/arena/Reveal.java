package dev.tribunal.arena;

/**
 * What a round shows once voted: who the judges were, which models wrote the responses, and how the other votes
 * on the same two judges went (oriented to this round's A and B, this vote excluded).
 */
public record Reveal(String roundId, Choice choice, JudgeEvaluation a, JudgeEvaluation b, ArenaSample sample,
                     PairTally others) {
}
