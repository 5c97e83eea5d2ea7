package dev.tribunal.llm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * The cache key: SHA-256 over a canonical JSON of exactly what is sent (endpoint, model, messages, effective
 * temperature and max tokens, the output schema when structured output is used). Same request, same key, across
 * runs and machines.
 *
 * @param canonicalJson the hashed text (stored in the ledger so a call can be studied later; holds no secrets)
 */
record RequestKey(String hash, String canonicalJson) {

    /**
     * Calls come from virtual threads, for which Jackson's default thread-local buffer recycling allocates fresh
     * buffers every time (~8 KB a call); a shared pool hands them back.
     */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build());

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"endpoint", "model", "messages", "temperature", "max_tokens", "schema"})
    private record Canonical(String endpoint, String model, List<LlmMessage> messages, Double temperature,
                             @JsonProperty("max_tokens") Integer maxTokens, OutputSchema schema) {
    }

    static RequestKey of(EndpointConfig endpoint, LlmRequest request) {
        Double temperature = request.temperature() != null ? request.temperature() : endpoint.temperature();
        Integer maxTokens = request.maxTokens() != null ? request.maxTokens() : endpoint.maxTokens();
        OutputSchema schema = endpoint.structuredOutput() ? request.outputSchema() : null;
        try {
            String canonical = JSON.writeValueAsString(new Canonical(endpoint.name(), endpoint.model(),
                    request.messages(), temperature, maxTokens, schema));
            return new RequestKey(Sha256.hex(canonical), canonical);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records of strings and numbers always serialise", e);
        }
    }
}
