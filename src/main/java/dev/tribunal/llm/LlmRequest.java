package dev.tribunal.llm;

import java.util.List;
import java.util.Objects;

/**
 * What to ask a model.
 *
 * @param messages     the conversation, in order
 * @param temperature  overrides the endpoint's default, or null
 * @param maxTokens    overrides the endpoint's default, or null
 * @param outputSchema the JSON shape wanted when the endpoint supports structured output, or null for free text
 * @param useCache     answer from the stored response when the same request was answered before; when false
 *                     the provider is called and the new response becomes the cached one
 */
public record LlmRequest(List<LlmMessage> messages, Double temperature, Integer maxTokens, OutputSchema outputSchema,
                         boolean useCache) {

    public LlmRequest {
        messages = List.copyOf(messages);
        if (messages.isEmpty()) throw new IllegalArgumentException("a request needs at least one message");
        if (maxTokens != null && maxTokens <= 0) throw new IllegalArgumentException("maxTokens must be > 0");
    }

    /** The given messages with the endpoint's defaults, free text, cache on. */
    public static LlmRequest of(LlmMessage... messages) {
        return new LlmRequest(List.of(messages), null, null, null, true);
    }

    public LlmRequest withCache(boolean enabled) {
        return new LlmRequest(messages, temperature, maxTokens, outputSchema, enabled);
    }

    public LlmRequest withOutputSchema(OutputSchema schema) {
        return new LlmRequest(messages, temperature, maxTokens, Objects.requireNonNull(schema), useCache);
    }
}
