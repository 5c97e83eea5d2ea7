package dev.tribunal.store;

/**
 * A claimable unit of a benchmark run (table {@code bench_units}): an answer (question, model), a baseline judgment
 * game (question, model, judge, game), or a collective rating of a question (question, its author, judge) or of an
 * answer (question, the answering model, judge). {@code judgeId} is 0 for answers; {@code game} is 0 except for
 * baseline judgment games.
 */
public record BenchUnit(long id, long runId, String phase, long questionId, long modelId, long judgeId, int game,
                        String state, String claimedBy, int calls, double cost, String error) {

    public static final String ANSWER = "answer";
    public static final String JUDGE = "judge";
    public static final String RATE_QUESTION = "rate_question";
    public static final String RATE_ANSWER = "rate_answer";

    /** The identity of a unit, before it is stored. */
    public record Key(String phase, long questionId, long modelId, long judgeId, int game) {

        public static Key answer(long questionId, long modelId) {
            return new Key(ANSWER, questionId, modelId, 0, 0);
        }

        public static Key judge(long questionId, long modelId, long judgeId, int game) {
            return new Key(JUDGE, questionId, modelId, judgeId, game);
        }

        /** A pool model's rating of a written question; {@code authorId} wrote it. */
        public static Key rateQuestion(long questionId, long authorId, long judgeId) {
            return new Key(RATE_QUESTION, questionId, authorId, judgeId, 0);
        }

        /** A pool model's rating of the answer {@code modelId} gave to the question. */
        public static Key rateAnswer(long questionId, long modelId, long judgeId) {
            return new Key(RATE_ANSWER, questionId, modelId, judgeId, 0);
        }
    }
}
