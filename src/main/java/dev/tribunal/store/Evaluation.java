package dev.tribunal.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One judge's output on one sample. (sampleId, judgeId, promptVersion) is unique. {@code id} is 0 and
 * {@code createdAt} may be null until stored.
 *
 * @param verdict    pair samples: one of "A>>B", "A>B", "A=B", "B>A", "B>>A" (A = the sample's responseA), or null
 * @param score      single samples: 1–5, or null
 * @param requestKey the llm_calls cache key of the request that produced it, or null
 * @param reasked    the judge's first reply could not be parsed and it was asked again; null when not known
 */
public record Evaluation(long id, long sampleId, long judgeId, String verdict, Integer score, String critique,
                         String promptVersion, String requestKey, String rawOutput, ParseStatus parseStatus,
                         Long latencyMs, Long inputTokens, Long outputTokens, Double cost, Instant createdAt,
                         Boolean reasked) {

    public static final Set<String> VERDICTS = Set.of("A>>B", "A>B", "A=B", "B>A", "B>>A");

    public Evaluation {
        Objects.requireNonNull(promptVersion, "promptVersion");
        Objects.requireNonNull(parseStatus, "parseStatus");
        if (verdict != null && !VERDICTS.contains(verdict)) throw new IllegalArgumentException("unknown verdict: " + verdict);
        if (score != null && (score < 1 || score > 5)) throw new IllegalArgumentException("score must be 1–5: " + score);
    }

    /** Whether it was re-asked not known (e.g. an imported verdict). */
    public Evaluation(long id, long sampleId, long judgeId, String verdict, Integer score, String critique,
                      String promptVersion, String requestKey, String rawOutput, ParseStatus parseStatus,
                      Long latencyMs, Long inputTokens, Long outputTokens, Double cost, Instant createdAt) {
        this(id, sampleId, judgeId, verdict, score, critique, promptVersion, requestKey, rawOutput, parseStatus,
                latencyMs, inputTokens, outputTokens, cost, createdAt, null);
    }

    /** A new parsed verdict on a pair sample, without usage figures. */
    public static Evaluation verdict(long sampleId, long judgeId, String verdict, String critique, String promptVersion) {
        return new Evaluation(0, sampleId, judgeId, verdict, null, critique, promptVersion, null, null, ParseStatus.OK,
                null, null, null, null, null);
    }

    Evaluation stored(long newId, Instant at) {
        return new Evaluation(newId, sampleId, judgeId, verdict, score, critique, promptVersion, requestKey, rawOutput,
                parseStatus, latencyMs, inputTokens, outputTokens, cost, at, reasked);
    }
}
