package dev.tribunal.store;

import java.time.Instant;

/**
 * A judge's verdict on two answers to a benchmark question (or its score of one, answerBId null).
 *
 * @param game    1, or 2 for the position-swapped repeat
 * @param verdict one of "A>>B", "A>B", "A=B", "B>A", "B>>A" (A = answerAId), or null
 * @param reasked the judge's first reply could not be parsed and it was asked again; null when not known
 */
public record Judgment(long id, long questionId, long judgeId, long answerAId, Long answerBId, int game,
                       String verdict, Double score, String critique, String promptVersion, String rawOutput,
                       ParseStatus parseStatus, Long latencyMs, Long inputTokens, Long outputTokens, Double cost,
                       Instant createdAt, Boolean reasked) {

    /** Whether it was re-asked not known (e.g. an imported judgment). */
    public Judgment(long id, long questionId, long judgeId, long answerAId, Long answerBId, int game, String verdict,
                    Double score, String critique, String promptVersion, String rawOutput, ParseStatus parseStatus,
                    Long latencyMs, Long inputTokens, Long outputTokens, Double cost, Instant createdAt) {
        this(id, questionId, judgeId, answerAId, answerBId, game, verdict, score, critique, promptVersion, rawOutput,
                parseStatus, latencyMs, inputTokens, outputTokens, cost, createdAt, null);
    }

    Judgment stored(long newId, Instant at) {
        return new Judgment(newId, questionId, judgeId, answerAId, answerBId, game, verdict, score, critique,
                promptVersion, rawOutput, parseStatus, latencyMs, inputTokens, outputTokens, cost, at, reasked);
    }
}
