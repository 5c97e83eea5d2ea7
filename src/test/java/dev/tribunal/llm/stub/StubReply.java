package dev.tribunal.llm.stub;

/**
 * What a stub server does with one request.
 *
 * @param latencyMs    wait before answering
 * @param status       HTTP status (200 for a reply)
 * @param text         the model's reply (status 200) or the error message
 * @param retryAfter   Retry-After header value, or null
 * @param inputTokens  usage to report, or -1 to count the prompt's words
 * @param outputTokens usage to report, or -1 to count the reply's words
 * @param hang         never answer (until the server stops)
 * @param garbled      answer 200 with a body that is not the provider's JSON
 */
public record StubReply(long latencyMs, int status, String text, String retryAfter, int inputTokens, int outputTokens,
                        boolean hang, boolean garbled) {

    public static StubReply text(String text) {
        return new StubReply(0, 200, text, null, -1, -1, false, false);
    }

    public static StubReply status(int status, String message) {
        return new StubReply(0, status, message, null, -1, -1, false, false);
    }

    public static StubReply rateLimited(String retryAfter) {
        return new StubReply(0, 429, "Rate limit reached, slow down", retryAfter, -1, -1, false, false);
    }

    public static StubReply hanging() {
        return new StubReply(0, 200, "", null, -1, -1, true, false);
    }

    public static StubReply malformed() {
        return new StubReply(0, 200, "", null, -1, -1, false, true);
    }

    public StubReply after(long millis) {
        return new StubReply(millis, status, text, retryAfter, inputTokens, outputTokens, hang, garbled);
    }

    public StubReply usage(int input, int output) {
        return new StubReply(latencyMs, status, text, retryAfter, input, output, hang, garbled);
    }
}
