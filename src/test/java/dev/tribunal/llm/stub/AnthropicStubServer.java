package dev.tribunal.llm.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** Anthropic's POST /v1/messages: content blocks, usage with input/output tokens, typed errors. */
public final class AnthropicStubServer extends StubLlmServer {

    public AnthropicStubServer() {
        super("/v1/messages");
    }

    @Override
    protected String credential(Context ctx) {
        return ctx.header("x-api-key");
    }

    @Override
    protected String promptText(JsonNode body) {
        List<String> parts = new ArrayList<>();
        JsonNode system = body.path("system");
        if (system.isTextual()) parts.add(system.asText());
        else system.forEach(block -> parts.add(block.path("text").asText()));
        for (JsonNode m : body.path("messages")) {
            JsonNode content = m.path("content");
            if (content.isTextual()) parts.add(content.asText());
            else content.forEach(block -> parts.add(block.path("text").asText()));
        }
        return String.join(" ", parts);
    }

    @Override
    protected String replyBody(JsonNode request, StubReply reply, int inputTokens, int outputTokens) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "msg_stub").put("type", "message").put("role", "assistant")
                .put("model", request.path("model").asText());
        root.putArray("content").addObject().put("type", "text").put("text", reply.text());
        root.put("stop_reason", "end_turn").putNull("stop_sequence");
        root.putObject("usage").put("input_tokens", inputTokens).put("output_tokens", outputTokens);
        return root.toString();
    }

    @Override
    protected String errorBody(StubReply reply) {
        String type = switch (reply.status()) {
            case 429 -> "rate_limit_error";
            case 401 -> "authentication_error";
            case 400 -> "invalid_request_error";
            case 529 -> "overloaded_error";
            default -> "api_error";
        };
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "error");
        root.putObject("error").put("type", type).put("message", reply.text());
        return root.toString();
    }
}
