package dev.tribunal.llm;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long to wait before the next attempt: exponential backoff with full jitter (AWS architecture blog,
 * "Exponential Backoff and Jitter"), unless the server said how long (Retry-After, capped).
 */
record Backoff(Duration initial, Duration max, Duration retryAfterMax) {

    static Backoff of(EndpointConfig endpoint) {
        return new Backoff(endpoint.backoffInitial(), endpoint.backoffMax(), endpoint.retryAfterMax());
    }

    /**
     * The wait after failed attempt {@code attempt} (1-based): min(retryAfter, retryAfterMax) when the server sent
     * one, else uniform(0, min(max, initial·2^(attempt−1))).
     */
    Duration delay(int attempt, Duration retryAfter, RandomGenerator random) {
        if (retryAfter != null) return retryAfter.compareTo(retryAfterMax) > 0 ? retryAfterMax : retryAfter;
        long ceiling = Math.min(max.toMillis(), initial.toMillis() << Math.min(attempt - 1, 30));
        return Duration.ofMillis(ceiling <= 0 ? 0 : random.nextLong(ceiling + 1));
    }
}
