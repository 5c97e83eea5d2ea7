package dev.tribunal.llm;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;

/**
 * A non-2xx answer that keeps what LangChain4j's own {@link HttpException} drops: the Retry-After header.
 * LangChain4j's exception mapper wraps it (e.g. in a {@code RateLimitException}) as the cause, where the gateway
 * finds it again.
 */
final class ProviderHttpException extends HttpException {

    private final transient Duration retryAfter;

    ProviderHttpException(int statusCode, String body, Duration retryAfter) {
        super(statusCode, body);
        this.retryAfter = retryAfter;
    }

    /** The server's Retry-After, or null when it sent none. */
    Duration retryAfter() {
        return retryAfter;
    }
}
