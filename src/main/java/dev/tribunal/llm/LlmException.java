package dev.tribunal.llm;

import java.time.Duration;
import java.util.Optional;

/**
 * A call the gateway could not complete. The message never contains the API key: provider text is redacted
 * before it gets here.
 */
public final class LlmException extends RuntimeException {

    private final String endpoint;
    private final ErrorKind kind;
    private final Duration retryAfter;
    private final int attempts;

    public LlmException(String endpoint, ErrorKind kind, String message, Duration retryAfter, int attempts) {
        super(endpoint + ": " + kind.label() + (attempts > 1 ? " after " + attempts + " attempts" : "") + ": " + message);
        this.endpoint = endpoint;
        this.kind = kind;
        this.retryAfter = retryAfter;
        this.attempts = attempts;
    }

    public String endpoint() {
        return endpoint;
    }

    public ErrorKind kind() {
        return kind;
    }

    /** What the server asked us to wait (Retry-After), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Provider calls made before giving up. */
    public int attempts() {
        return attempts;
    }
}
