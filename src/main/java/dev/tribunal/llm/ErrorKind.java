package dev.tribunal.llm;

import java.util.Locale;

/** Why a call failed; decides whether the gateway tries again. Stored lower-case in the ledger. */
public enum ErrorKind {
    /** HTTP 429; may carry Retry-After. */
    RATE_LIMITED(true),
    /** HTTP 5xx. */
    SERVER_ERROR(true),
    /** No answer within the endpoint's timeout. */
    TIMEOUT(true),
    /** Connection refused, reset or the host not found. */
    UNREACHABLE(true),
    /** A 2xx whose body is not the provider's format. */
    MALFORMED_RESPONSE(true),
    /** HTTP 401/403, or the key's environment variable is not set: retrying cannot help. */
    AUTH(false),
    /** HTTP 400/404/422 and other client errors: retrying cannot help. */
    BAD_REQUEST(false);

    private final boolean retryable;

    ErrorKind(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What went wrong, in words for people (no provider text, no address). */
    public String describe() {
        return switch (this) {
            case RATE_LIMITED -> "the provider kept refusing for too many requests (429)";
            case SERVER_ERROR -> "the provider kept failing (5xx)";
            case TIMEOUT -> "the provider did not answer in time";
            case UNREACHABLE -> "the provider could not be reached";
            case MALFORMED_RESPONSE -> "the provider's answer was not in its API's format";
            case AUTH -> "the provider refused the API key, or its environment variable is not set";
            case BAD_REQUEST -> "the provider refused the request";
        };
    }
}
