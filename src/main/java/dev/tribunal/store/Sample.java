package dev.tribunal.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An arena sample: a user input with one response (kind single, graded 1–5) or two (kind pair, compared
 * with a verdict where A is responseA and B is responseB). {@code id} is 0 and {@code createdAt} may be
 * null until stored.
 *
 * @param modelA        the model that wrote responseA (single: response), when known
 * @param modelB        the model that wrote responseB, when known
 * @param externalKey   unique key for idempotent imports (e.g. "prd:q12:gpt4:claude"), or null
 * @param submitterHash salted hash of who submitted a custom sample, or null; never the raw identity
 */
public record Sample(long id, SampleKind kind, String input, String response, String responseA, String responseB,
                     String modelA, String modelB, String reference, String rubric, SampleSource source,
                     String category, String externalKey, String submitterHash, Instant createdAt) {

    public Sample {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        if (input == null) throw new IllegalArgumentException("a sample needs an input");
        boolean single = response != null && responseA == null && responseB == null;
        boolean pair = response == null && responseA != null && responseB != null;
        if (kind == SampleKind.SINGLE && !single) throw new IllegalArgumentException("a single sample has exactly one response");
        if (kind == SampleKind.PAIR && !pair) throw new IllegalArgumentException("a pair sample has response A and B");
    }

    /** A new single-response sample. */
    public static Sample single(String input, String response, String model, SampleSource source, String category) {
        return new Sample(0, SampleKind.SINGLE, input, response, null, null, model, null, null, null, source,
                category, null, null, null);
    }

    /** A new two-response sample. */
    public static Sample pair(String input, String responseA, String responseB, String modelA, String modelB,
                              SampleSource source, String category) {
        return new Sample(0, SampleKind.PAIR, input, null, responseA, responseB, modelA, modelB, null, null, source,
                category, null, null, null);
    }

    public Sample withExternalKey(String key) {
        return new Sample(id, kind, input, response, responseA, responseB, modelA, modelB, reference, rubric, source,
                category, key, submitterHash, createdAt);
    }

    public Sample withReference(String newReference, String newRubric) {
        return new Sample(id, kind, input, response, responseA, responseB, modelA, modelB, newReference, newRubric,
                source, category, externalKey, submitterHash, createdAt);
    }

    public Sample withSubmitterHash(String hash) {
        return new Sample(id, kind, input, response, responseA, responseB, modelA, modelB, reference, rubric, source,
                category, externalKey, hash, createdAt);
    }

    Sample stored(long newId, Instant at) {
        return new Sample(newId, kind, input, response, responseA, responseB, modelA, modelB, reference, rubric, source,
                category, externalKey, submitterHash, at);
    }
}
