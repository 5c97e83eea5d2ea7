package dev.tribunal.bench.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.llm.stub.OpenAiStubServer;
import dev.tribunal.llm.stub.StubReply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAI-compatible stub answering as contestant models of known quality and as judges. A model's answer
 * carries its quality, "[quality=Q]", Q = the model's level + a per-question wobble in {-1, 0, +1}; a judge reads
 * the two qualities in the order shown and compares them: fair-judge by the difference, biased-judge as if A were
 * one level better (a position bias); selfish-judge as fair-judge except that the model "weak" always wins. Everything is a pure function of the request, so replies repeat exactly.
 */
public final class BenchStub implements AutoCloseable {

    /** The models' levels: strong > medium = baseline > weak. */
    public static final Map<String, Integer> LEVELS = Map.of("strong", 3, "medium", 2, "baseline", 2, "weak", 1);
    private static final Pattern QUALITY = Pattern.compile("\\[quality=(-?\\d+)]");

    private final OpenAiStubServer server = new OpenAiStubServer();
    private volatile long latencyMs;
    /** How many times each request (its body) came. */
    private final Map<String, Integer> seen = new java.util.concurrent.ConcurrentHashMap<>();

    public BenchStub() {
        server.keepBodies(false).respondWith(this::reply);
    }

    public BenchStub latency(long millis) {
        this.latencyMs = millis;
        return this;
    }

    public OpenAiStubServer server() {
        return server;
    }

    public int requests() {
        return server.requests();
    }

    /** Requests that repeated an earlier one exactly: calls paid twice. */
    public int repeats() {
        return seen.values().stream().mapToInt(n -> n - 1).sum();
    }

    /** Different requests received. */
    public int distinct() {
        return seen.size();
    }

    private StubReply reply(JsonNode body) {
        seen.merge(body.toString(), 1, Integer::sum);
        String model = body.path("model").asText();
        JsonNode messages = body.path("messages");
        String last = messages.path(messages.size() - 1).path("content").asText();
        String text = switch (model) {
            case "fair-judge" -> verdict(last, 0);
            case "biased-judge" -> verdict(last, 1);
            case "selfish-judge" -> selfish(last);
            default -> {
                int wobble = Math.floorMod(last.hashCode() ^ model.hashCode(), 3) - 1;
                int quality = LEVELS.getOrDefault(model, 0) + wobble;
                yield "[quality=" + quality + "] " + model + " answers turn " + (messages.size() + 1) / 2 + " of: "
                        + last.substring(0, Math.min(40, last.length()));
            }
        };
        return StubReply.text(text).after(latencyMs);
    }

    private static String verdict(String prompt, int biasForA) {
        Matcher m = QUALITY.matcher(prompt);
        if (!m.find()) return "I cannot tell.";
        int a = Integer.parseInt(m.group(1));
        if (!m.find()) return "I cannot tell.";
        int b = Integer.parseInt(m.group(1));
        int d = a + biasForA - b;
        String label = d >= 2 ? "A>>B" : d == 1 ? "A>B" : d == 0 ? "A=B" : d == -1 ? "B>A" : "B>>A";
        return "My own answer first. Then the comparison: A has quality " + a + ", B has " + b
                + ".\nMy final verdict is: [[" + label + "]]";
    }

    /**
     * A judge that prefers the answer of the model "weak" (itself, when the judge is also named weak) whichever
     * position it is in, and is fair on every other pair: a self-preference without a position bias.
     */
    private static String selfish(String prompt) {
        int weak = prompt.indexOf("] weak answers");
        if (weak < 0) return verdict(prompt, 0);
        Matcher m = QUALITY.matcher(prompt);
        if (!m.find() || !m.find()) return "I cannot tell.";
        String label = weak < m.start() ? "A>>B" : "B>>A";
        return "Mine is best.\nMy final verdict is: [[" + label + "]]";
    }

    /** A tribunal.yaml for a SQLite file in {@code dir}, every model and judge on this stub. */
    public Path config(Path dir, int parallel) {
        return config(dir, "jdbc:sqlite:" + dir.resolve("bench.db"), parallel, "", "");
    }

    /**
     * A tribunal.yaml for the database at {@code url}, every model and judge on this stub.
     *
     * @param endpointKeys more keys for every endpoint, e.g. ", cluster_parallel: 2" (or "")
     * @param sections     more top-level YAML (or "")
     */
    public Path config(Path dir, String url, int parallel, String endpointKeys, String sections) {
        StringBuilder y = new StringBuilder("database:\n  url: \"" + url + "\"\n"
                + "demo:\n  load: false\n" + sections + "llm:\n  endpoints:\n");
        for (String name : new String[] {"strong", "medium", "weak", "baseline", "fair-judge", "biased-judge"}) {
            y.append("    - {name: ").append(name).append(", provider: openai_compatible, base_url: '")
                    .append(server.baseUrl()).append("', model: ").append(name).append(", parallel: ").append(parallel)
                    .append(", retries: 0, price_input_per_million: 1, price_output_per_million: 2")
                    .append(endpointKeys).append("}\n");
        }
        y.append("  judges:\n    - {name: fair, endpoint: fair-judge}\n    - {name: biased, endpoint: biased-judge}\n");
        y.append("  models:\n");
        for (String name : new String[] {"strong", "medium", "weak", "baseline"}) {
            y.append("    - {name: ").append(name).append(", endpoint: ").append(name).append("}\n");
        }
        Path file = dir.resolve("tribunal.yaml");
        try {
            Files.writeString(file, y.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @Override
    public void close() {
        server.close();
    }
}
