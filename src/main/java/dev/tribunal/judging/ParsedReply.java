package dev.tribunal.judging;

import dev.tribunal.store.ParseStatus;

/**
 * What a judge's reply says, as far as it can be read without guessing.
 *
 * @param verdict  the pairwise verdict, or null (single grading, or unparseable)
 * @param score    the 1–5 score, or null (pairwise, or unparseable)
 * @param critique the judge's reasoning (the JSON critique, or the reply without its final verdict line)
 */
public record ParsedReply(PairVerdict verdict, Integer score, String critique, ParseStatus status) {

    static ParsedReply unparseable(String reply) {
        return new ParsedReply(null, null, reply == null ? "" : reply.strip(), ParseStatus.UNPARSEABLE);
    }
}
