package dev.tribunal.store;

import java.time.Instant;

/**
 * A collective vote (table {@code collective_votes}): one pool model's 1–5 rating, with a short critique, of a
 * question ({@code modelId} 0, {@code answerId} null) or of a model's answer to it. {@code id} is 0 and
 * {@code createdAt} may be null until stored.
 *
 * @param modelId the model whose answer is rated, or 0 for a rating of the question
 * @param score   1–5, or null when the reply could not be parsed
 * @param reasked the first reply could not be parsed and the model was asked again
 */
public record CollectiveVote(long id, long runId, long questionId, long modelId, Long answerId, long judgeId,
                             Integer score, String critique, String promptVersion, String rawOutput,
                             ParseStatus parseStatus, boolean reasked, Long latencyMs, Long inputTokens,
                             Long outputTokens, Double cost, Instant createdAt) {

    /** Whether it rates a question rather than an answer. */
    public boolean ratesQuestion() {
        return answerId == null;
    }
}
