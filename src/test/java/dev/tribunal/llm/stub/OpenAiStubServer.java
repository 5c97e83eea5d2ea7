package dev.tribunal.llm.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** OpenAI's POST /v1/chat/completions, as vLLM, Ollama and OpenAI itself answer it, usage included. */
public final class OpenAiStubServer extends StubLlmServer {

    public OpenAiStubServer() {
        super("/v1/chat/completions");
    }

    @Override
    protected String credential(Context ctx) {
        return ctx.header("Authorization");
    }

    @Override
    protected String promptText(JsonNode body) {
        return StreamSupport.stream(body.path("messages").spliterator(), false)
                .map(m -> m.path("content").asText()).collect(Collectors.joining(" "));
    }

    @Override
    protected String replyBody(JsonNode request, StubReply reply, int inputTokens, int outputTokens) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-stub").put("object", "chat.completion").put("created", System.currentTimeMillis() / 1000)
                .put("model", request.path("model").asText());
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", reply.text());
        root.putObject("usage").put("prompt_tokens", inputTokens).put("completion_tokens", outputTokens)
                .put("total_tokens", inputTokens + outputTokens);
        return root.toString();
    }

    @Override
    protected String errorBody(StubReply reply) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("error").put("message", reply.text()).put("type", reply.status() == 429 ? "rate_limit_exceeded"
                : "api_error").putNull("param").putNull("code");
        return root.toString();
    }

    /**
     * Runs a stub on its own, for the gateway benchmark: {@code OpenAiStubServer LATENCY_MS}. Prints
     * {@code port=N}, answers every request after the latency, and stops when its standard input closes.
     */
    public static void main(String[] args) throws Exception {
        long latency = args.length > 0 ? Long.parseLong(args[0]) : 200;
        try (OpenAiStubServer stub = new OpenAiStubServer()) {
            stub.keepBodies(false).respondWith(body -> StubReply.text(
                    "{\"verdict\": \"A>B\", \"critique\": \"A is correct and B is not.\"}").after(latency));
            System.out.println("port=" + stub.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the benchmark to close our stdin
            }
            System.err.println("stub: " + stub.requests() + " requests, max in flight " + stub.maxInFlight());
        }
    }
}
