package dev.tribunal.store;

import java.time.Instant;

/**
 * One row of {@code llm_calls}: a call the LLM gateway made or answered from its cache.
 *
 * @param id        assigned by the database; null before insertion
 * @param outcome   {@code ok}, {@code cached} or {@code error}
 * @param errorKind the failure's kind when outcome is {@code error} (e.g. {@code rate_limited}), else null
 * @param createdAt when, at millisecond precision; null on insert means now
 */
public record LlmCall(Long id, String requestKey, String endpoint, String model, String outcome, String errorKind,
                      int attempts, long inputTokens, long outputTokens, long latencyMs, double cost,
                      String responseText, String requestJson, Instant createdAt) {

    public static final String OK = "ok";
    public static final String CACHED = "cached";
    public static final String ERROR = "error";
}
