package dev.tribunal.arena;

/** A sample and two evaluations of it by two different judges, in no meaningful order. */
public record Matchup(ArenaSample sample, JudgeEvaluation first, JudgeEvaluation second) {

    public Matchup {
        if (first.judge().equals(second.judge())) {
            throw new IllegalArgumentException("a matchup needs two different judges, not twice " + first.judge());
        }
    }
}
