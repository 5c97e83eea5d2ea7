package dev.tribunal.store;

import java.time.Instant;
import java.util.List;

/**
 * A model's answer to a benchmark question; (questionId, modelId) is unique.
 *
 * @param content the reply; for a multi-turn question the replies to every turn joined by blank lines
 * @param tokens  its length in tokens (the provider's count where given, else cl100k), or null
 * @param turns   the reply to each turn of a multi-turn question, or empty
 */
public record Answer(long id, long questionId, long modelId, String content, Long tokens, Long latencyMs, Double cost,
                     Instant createdAt, List<String> turns) {

    public Answer {
        turns = turns == null ? List.of() : List.copyOf(turns);
    }

    /** A single-turn answer. */
    public Answer(long id, long questionId, long modelId, String content, Long tokens, Long latencyMs, Double cost,
                  Instant createdAt) {
        this(id, questionId, modelId, content, tokens, latencyMs, cost, createdAt, List.of());
    }

    /** The reply to each turn: {@code turns}, or the content alone. */
    public List<String> replies() {
        return turns.isEmpty() ? List.of(content) : turns;
    }

    Answer stored(long newId, Instant at) {
        return new Answer(newId, questionId, modelId, content, tokens, latencyMs, cost, at, turns);
    }
}
