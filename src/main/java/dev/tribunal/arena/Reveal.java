package dev.tribunal.arena;

/**
 * What a round shows once voted: who the judges were, which models wrote the responses, how the other votes on the
 * same two judges went (oriented to this round's A and B, this vote excluded), and how people labelled the two
 * responses themselves, where such labels exist (the demo's human votes: {@code people}, null otherwise).
 */
public record Reveal(String roundId, Choice choice, JudgeEvaluation a, JudgeEvaluation b, ArenaSample sample,
                     PairTally others, PeopleVotes people) {

    /** People's own preferences between the sample's response A and response B. */
    public record PeopleVotes(long a, long b, long tie) {
    }
}
