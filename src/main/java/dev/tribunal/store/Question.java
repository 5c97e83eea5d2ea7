package dev.tribunal.store;

import java.time.Instant;

/**
 * A benchmark question. {@code id} is 0 and {@code createdAt} may be null until stored.
 *
 * @param questionSet e.g. "arena-hard-v0.1", "mt-bench", or a collective run's name
 * @param externalKey unique key for idempotent imports (e.g. the question's uid), or null
 * @param generatedBy the contestant (model) that wrote it, or null
 * @param quality     its rating by the other models (collective benchmark), or null
 */
public record Question(long id, String questionSet, String externalKey, String category, String topic,
                       String difficulty, String prompt, String reference, Long generatedBy, Double quality,
                       Instant createdAt) {

    Question stored(long newId, Instant at) {
        return new Question(newId, questionSet, externalKey, category, topic, difficulty, prompt, reference,
                generatedBy, quality, at);
    }
}
