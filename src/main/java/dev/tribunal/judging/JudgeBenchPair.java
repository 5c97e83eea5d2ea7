package dev.tribunal.judging;

import dev.tribunal.rating.JudgeBenchScore.Decision;

/**
 * One row of a JudgeBench output file: a labelled pair and a judge's two games on it.
 *
 * @param source       the row's {@code source} (e.g. "mmlu-pro-math"), or null
 * @param label        A_BETTER or B_BETTER, in the row's orientation
 * @param judgeModel   the games' {@code judge_model}, else the row's {@code judge_name}
 * @param first        game 1's decision as judged (A = response_A), or null for none
 * @param swapped      game 2's decision as judged, with the responses swapped (its A = the row's response_B)
 */
public record JudgeBenchPair(String pairId, String source, String question, String responseA, String responseB,
                             Decision label, String judgeModel, Decision first, Decision swapped) {

    /** JudgeBench's grouping of its sources: knowledge, reasoning, math, coding; else the source, or "other". */
    public String group() {
        if (source == null) return "other";
        if (source.startsWith("mmlu-pro")) return "knowledge";
        if (source.startsWith("livebench-reasoning")) return "reasoning";
        if (source.startsWith("livebench-math")) return "math";
        if (source.startsWith("livecodebench")) return "coding";
        return source;
    }
}
