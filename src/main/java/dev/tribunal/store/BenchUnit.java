package dev.tribunal.store;

/**
 * A claimable unit of a baseline-benchmark run (table {@code bench_units}): an answer (question, model) or a
 * judgment game (question, model, judge, game). {@code judgeId} and {@code game} are 0 for answers.
 */
public record BenchUnit(long id, long runId, String phase, long questionId, long modelId, long judgeId, int game,
                        String state, String claimedBy, int calls, double cost, String error) {

    public static final String ANSWER = "answer";
    public static final String JUDGE = "judge";

    /** The identity of a unit, before it is stored. */
    public record Key(String phase, long questionId, long modelId, long judgeId, int game) {

        public static Key answer(long questionId, long modelId) {
            return new Key(ANSWER, questionId, modelId, 0, 0);
        }

        public static Key judge(long questionId, long modelId, long judgeId, int game) {
            return new Key(JUDGE, questionId, modelId, judgeId, game);
        }
    }
}
