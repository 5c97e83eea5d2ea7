package dev.tribunal.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/**
 * What went wrong in one attempt, classified from whatever LangChain4j threw.
 *
 * @param retryAfter the server's Retry-After (found on our {@link ProviderHttpException} in the cause chain), or null
 */
record ProviderFailure(ErrorKind kind, String message, Duration retryAfter) {

    private static final int MAX_BODY_CHARS = 300;

    /** Classifies an exception; {@code secret} (the API key, may be null) is cut out of every message. */
    static ProviderFailure classify(Throwable thrown, String secret) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ProviderHttpException http) return fromStatus(http, secret);
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof HttpTimeoutException) {
                return new ProviderFailure(ErrorKind.TIMEOUT, "no answer within the timeout", null);
            }
            if (t instanceof IOException || t instanceof UnresolvedAddressException
                    || t instanceof UnresolvedModelServerException) {
                return new ProviderFailure(ErrorKind.UNREACHABLE, redact(describe(t), secret), null);
            }
            if (t instanceof JsonProcessingException) {
                return new ProviderFailure(ErrorKind.MALFORMED_RESPONSE,
                        "the provider's answer is not valid JSON in its format", null);
            }
            if (t instanceof UnsupportedFeatureException || t instanceof NonRetriableException) {
                return new ProviderFailure(ErrorKind.BAD_REQUEST, redact(describe(t), secret), null);
            }
        }
        // A 2xx that LangChain4j could not turn into a reply (missing fields, wrong types).
        return new ProviderFailure(ErrorKind.MALFORMED_RESPONSE, redact(describe(thrown), secret), null);
    }

    private static ProviderFailure fromStatus(ProviderHttpException http, String secret) {
        int status = http.statusCode();
        ErrorKind kind;
        if (status == 429) kind = ErrorKind.RATE_LIMITED;
        else if (status >= 500) kind = ErrorKind.SERVER_ERROR;
        else if (status == 401 || status == 403) kind = ErrorKind.AUTH;
        else if (status == 408) kind = ErrorKind.TIMEOUT;
        else kind = ErrorKind.BAD_REQUEST;
        String body = http.getMessage() == null ? "" : http.getMessage().strip();
        if (body.length() > MAX_BODY_CHARS) body = body.substring(0, MAX_BODY_CHARS) + "…";
        return new ProviderFailure(kind, redact("HTTP " + status + (body.isEmpty() ? "" : " " + body), secret),
                kind == ErrorKind.RATE_LIMITED ? http.retryAfter() : null);
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    static String redact(String text, String secret) {
        return secret == null || secret.isEmpty() ? text : text.replace(secret, "[redacted]");
    }
}
