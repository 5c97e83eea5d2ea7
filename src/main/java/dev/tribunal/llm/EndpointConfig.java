package dev.tribunal.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * One model behind one provider, as configured under {@code llm.endpoints}.
 *
 * @param name                  unique name that judges and benchmarks refer to
 * @param provider              the wire protocol
 * @param baseUrl               where the provider listens (never null after parsing)
 * @param model                 the provider's model name
 * @param apiKeyEnv             the NAME of the environment variable holding the API key, or null when none is needed;
 *                              the key itself never appears in config, logs, the database or exports
 * @param parallel              requests in flight at most
 * @param timeout               per attempt
 * @param retries               further attempts after the first on 429, 5xx, timeouts and network errors
 * @param backoffInitial        the first backoff ceiling; attempt n waits uniform(0, min(max, initial·2^(n−1)))
 * @param backoffMax            the largest backoff ceiling
 * @param retryAfterMax         a server's Retry-After is honoured up to this long
 * @param temperature           default sampling temperature, or null for the provider's default
 * @param maxTokens             default output token limit, or null for the provider's default
 * @param inputPricePerMillion  price of a million input tokens (any currency, used consistently)
 * @param outputPricePerMillion price of a million output tokens
 * @param structuredOutput      whether JSON-schema output is requested when a request carries a schema
 * @param clusterParallel       requests in flight at most over all the nodes of a cluster on PostgreSQL (so that N
 *                              nodes do not send N × {@code parallel}), or null for no such limit
 */
public record EndpointConfig(String name, Provider provider, String baseUrl, String model, String apiKeyEnv,
                             int parallel, Duration timeout, int retries, Duration backoffInitial,
                             Duration backoffMax, Duration retryAfterMax, Double temperature, Integer maxTokens,
                             double inputPricePerMillion, double outputPricePerMillion, boolean structuredOutput,
                             Integer clusterParallel) {

    public EndpointConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(backoffInitial, "backoffInitial");
        Objects.requireNonNull(backoffMax, "backoffMax");
        Objects.requireNonNull(retryAfterMax, "retryAfterMax");
        if (parallel <= 0) throw new IllegalArgumentException("parallel must be > 0: " + parallel);
        if (retries < 0) throw new IllegalArgumentException("retries must be >= 0: " + retries);
        if (clusterParallel != null && clusterParallel <= 0) {
            throw new IllegalArgumentException("cluster_parallel must be > 0: " + clusterParallel);
        }
    }

    /** Cost of a call: tokens × price per million / 10^6, input and output priced separately. */
    public double cost(int inputTokens, int outputTokens) {
        return (inputTokens * inputPricePerMillion + outputTokens * outputPricePerMillion) / 1_000_000.0;
    }
}
