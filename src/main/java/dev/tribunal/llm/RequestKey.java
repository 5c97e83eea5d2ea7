package dev.tribunal.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The cache key: SHA-256 over a canonical JSON of exactly what is sent (endpoint, model, messages, effective
 * temperature and max tokens, the output schema when structured output is used). Same request, same key, across
 * runs and machines.
 *
 * @param canonicalJson the hashed text (stored in the ledger so a call can be studied later; holds no secrets)
 */
record RequestKey(String hash, String canonicalJson) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static RequestKey of(EndpointConfig endpoint, LlmRequest request) {
        ObjectNode root = JSON.createObjectNode();
        root.put("endpoint", endpoint.name());
        root.put("model", endpoint.model());
        ArrayNode messages = root.putArray("messages");
        for (LlmMessage m : request.messages()) {
            messages.addObject().put("role", m.role().name().toLowerCase(java.util.Locale.ROOT)).put("text", m.text());
        }
        Double temperature = request.temperature() != null ? request.temperature() : endpoint.temperature();
        Integer maxTokens = request.maxTokens() != null ? request.maxTokens() : endpoint.maxTokens();
        if (temperature != null) root.put("temperature", temperature);
        if (maxTokens != null) root.put("max_tokens", maxTokens);
        if (request.outputSchema() != null && endpoint.structuredOutput()) {
            root.set("schema", JSON.valueToTree(request.outputSchema()));
        }
        String canonical = root.toString();
        return new RequestKey(Sha256.hex(canonical), canonical);
    }
}
