package dev.tribunal.store;

import java.time.Instant;

/** A model's answer to a benchmark question; (questionId, modelId) is unique. */
public record Answer(long id, long questionId, long modelId, String content, Long tokens, Long latencyMs, Double cost,
                     Instant createdAt) {

    Answer stored(long newId, Instant at) {
        return new Answer(newId, questionId, modelId, content, tokens, latencyMs, cost, at);
    }
}
