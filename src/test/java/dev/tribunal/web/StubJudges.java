package dev.tribunal.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tribunal.llm.LlmConfig;
import dev.tribunal.llm.LlmGateway;
import dev.tribunal.llm.stub.OpenAiStubServer;
import dev.tribunal.llm.stub.StubReply;
import dev.tribunal.store.Database;
import dev.tribunal.store.LlmCallDao;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Live judges on one OpenAI-compatible stub server: judge {@code <name>-judge} ("Name Judge", organisation
 * "Name Labs") calls endpoint {@code <name>} whose model is {@code <name>-model}, with an API key from a fake
 * environment. By default each judge answers a pair with verdict A&gt;B and a single response with score 4, its
 * critique naming its model; {@link #answer} scripts one judge otherwise.
 */
public final class StubJudges implements AutoCloseable {

    public static final String API_KEY = "sk-live-judges-test-key-9c4e1f07";

    private final OpenAiStubServer stub = new OpenAiStubServer();
    private final List<String> names;
    private final Map<String, Function<JsonNode, StubReply>> byModel = new ConcurrentHashMap<>();
    private final List<LlmGateway> gateways = new ArrayList<>();
    private volatile String generator = "";

    public StubJudges(String... names) {
        this.names = List.of(names);
        stub.respondWith(body -> byModel.getOrDefault(body.path("model").asText(), StubJudges::defaultAnswer)
                .apply(body));
    }

    /** The critique judge {@code name} writes by default. */
    public static String critiqueBy(String name) {
        return "Critique by " + name + "-model: the first response is more precise.";
    }

    private static StubReply defaultAnswer(JsonNode body) {
        String model = body.path("model").asText();
        String critique = "Critique by " + model + ": the first response is more precise.";
        var reply = JsonNodeFactory.instance.objectNode().put("critique", critique);
        if (body.toString().contains("Grade the response below")) reply.put("score", 4);
        else reply.put("verdict", "A>B");
        return StubReply.text(reply.toString()).after(150);
    }

    /** Judge {@code name} answers every request with {@code reply}. */
    public StubJudges answer(String name, Function<JsonNode, StubReply> reply) {
        byModel.put(name + "-model", reply);
        return this;
    }

    /**
     * Adds the sample generator: endpoint {@code writer} (model {@code writer-model}) with these extra
     * {@code llm.generator} keys, e.g. {@code "batch: 2, every: PT1H"}. It writes sample n as input "Generated
     * question n?" unless {@link #answer} scripts {@code writer} otherwise.
     */
    public StubJudges withGenerator(String keys) {
        generator = keys;
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return answer("writer", body -> StubReply.text(JsonNodeFactory.instance.objectNode()
                .put("input", "Generated question " + n.incrementAndGet() + "?")
                .put("response", "A generated answer.").toString()));
    }

    public OpenAiStubServer server() {
        return stub;
    }

    /** The configuration of the judges. */
    public LlmConfig config() {
        StringBuilder y = new StringBuilder("llm:\n  endpoints:\n");
        for (String n : names) {
            y.append("    - {name: ").append(n).append(", provider: openai_compatible, base_url: \"").append(stub.baseUrl())
                    .append("\", model: ").append(n).append("-model, api_key_env: STUB_KEY, retries: 0, timeout: PT10S, ")
                    .append("price_input_per_million: 1, price_output_per_million: 2}\n");
        }
        if (!generator.isEmpty()) {
            y.append("    - {name: writer, provider: openai_compatible, base_url: \"").append(stub.baseUrl())
                    .append("\", model: writer-model, api_key_env: STUB_KEY, retries: 0}\n");
        }
        y.append("  judges:\n");
        for (String n : names) {
            String title = Character.toUpperCase(n.charAt(0)) + n.substring(1);
            y.append("    - {name: ").append(n).append("-judge, display_name: ").append(title).append(" Judge, ")
                    .append("organisation: ").append(title).append(" Labs, endpoint: ").append(n).append("}\n");
        }
        if (!generator.isEmpty()) y.append("  generator: {endpoint: writer, ").append(generator).append("}\n");
        return dev.tribunal.llm.Yaml.llmConfig(y.toString());
    }

    /** The service's live settings on {@code db} (the gateway's ledger), live share {@code share}. */
    public LiveSettings settings(Database db, double share) {
        LlmGateway gateway = new LlmGateway(config(), new LlmCallDao(db), Map.of("STUB_KEY", API_KEY)::get);
        gateways.add(gateway);
        return LiveSettings.none().withGateway(gateway).withLiveShare(share);
    }

    @Override
    public void close() {
        gateways.forEach(LlmGateway::close);
        stub.close();
    }
}
