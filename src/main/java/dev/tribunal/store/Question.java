package dev.tribunal.store;

import java.time.Instant;
import java.util.List;

/**
 * A benchmark question. {@code id} is 0 and {@code createdAt} may be null until stored.
 *
 * @param questionSet e.g. "arena-hard-v0.1", "mt-bench", or a collective run's name
 * @param externalKey unique key for idempotent imports (e.g. the question's uid), or null
 * @param topic       e.g. Arena-Hard's cluster, or null
 * @param prompt      the (first) user turn
 * @param reference   a reference answer to the (first) turn, or null
 * @param generatedBy the contestant (model) that wrote it, or null
 * @param quality     its rating by the other models (collective benchmark), or null
 * @param position    its place in the set's file (0-based), or null; {@code --limit N} takes the first N
 * @param turns       every user turn of a multi-turn question (the first is {@code prompt}); empty for one turn
 * @param references  the reference answer of each turn of a multi-turn question, or empty
 */
public record Question(long id, String questionSet, String externalKey, String category, String topic,
                       String difficulty, String prompt, String reference, Long generatedBy, Double quality,
                       Instant createdAt, Integer position, List<String> turns, List<String> references) {

    public Question {
        turns = turns == null ? List.of() : List.copyOf(turns);
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** A single-turn question without a position. */
    public Question(long id, String questionSet, String externalKey, String category, String topic, String difficulty,
                    String prompt, String reference, Long generatedBy, Double quality, Instant createdAt) {
        this(id, questionSet, externalKey, category, topic, difficulty, prompt, reference, generatedBy, quality,
                createdAt, null, List.of(), List.of());
    }

    /** The user turns: {@code turns}, or the prompt alone. */
    public List<String> userTurns() {
        return turns.isEmpty() ? List.of(prompt) : turns;
    }

    /** The reference answer of turn i (0-based), or null. */
    public String referenceFor(int turn) {
        if (references.isEmpty()) return turn == 0 ? reference : null;
        return turn < references.size() ? references.get(turn) : null;
    }

    Question stored(long newId, Instant at) {
        return new Question(newId, questionSet, externalKey, category, topic, difficulty, prompt, reference,
                generatedBy, quality, at, position, turns, references);
    }
}
