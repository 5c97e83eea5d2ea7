package dev.tribunal.store;

import java.time.Instant;

/**
 * A collective vote with what it rated, as the export writes it: the question (and its author), the answer (and its
 * model) when an answer was rated, and the judge's name.
 *
 * @param model  the model whose answer was rated, or null for a rating of the question
 * @param answer that answer, or null
 */
public record CollectiveVoteRecord(Instant time, long runId, String topic, String difficulty, String question,
                                   String author, String model, String answer, String judge, Integer score,
                                   String critique, ParseStatus parseStatus, String promptVersion) {
}
