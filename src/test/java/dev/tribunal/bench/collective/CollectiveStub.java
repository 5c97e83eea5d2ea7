package dev.tribunal.bench.collective;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.llm.stub.OpenAiStubServer;
import dev.tribunal.llm.stub.StubReply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAI-compatible stub answering as a pool of five models of known quality, each also an author and a judge.
 * Model m's answer carries its quality, "[quality=Q]", Q = its level + a per-question wobble in {-1, 0, +1}; levels
 * m1 = 5 > m2 = 4 > m3 = 3 > m4 = 2 > m5 = 1 (the true order). As a judge, model m reads the answer's Q and scores
 * it clamp(Q + e, 1, 5), e a per-request noise uniform in {-a_m, …, +a_m}: a = 0 for m1 and m2, 1 for m3 and m4, 2 for
 * m5, so the better models are the better judges. m5 writes bad questions ("[bad] …"), which every judge scores 1;
 * every other question scores 4. Everything is a pure function of the request, so replies repeat exactly.
 */
public final class CollectiveStub implements AutoCloseable {

    public static final List<String> MODELS = List.of("m1", "m2", "m3", "m4", "m5");
    public static final Map<String, Integer> LEVELS = Map.of("m1", 5, "m2", 4, "m3", 3, "m4", 2, "m5", 1);
    private static final Map<String, Integer> NOISE = Map.of("m1", 0, "m2", 0, "m3", 1, "m4", 1, "m5", 2);
    private static final Pattern QUALITY = Pattern.compile("\\[quality=(-?\\d+)]");
    private static final Pattern SEED = Pattern.compile("seed: ([0-9a-f]+)");

    private final OpenAiStubServer server = new OpenAiStubServer();
    private volatile long latencyMs;

    public CollectiveStub() {
        server.keepBodies(false).respondWith(this::reply);
    }

    public CollectiveStub latency(long millis) {
        this.latencyMs = millis;
        return this;
    }

    public int requests() {
        return server.requests();
    }

    private StubReply reply(JsonNode body) {
        String model = body.path("model").asText();
        JsonNode messages = body.path("messages");
        String last = messages.path(messages.size() - 1).path("content").asText();
        String text;
        if (last.contains("Write one new question")) {
            text = question(model, last);
        } else if (last.contains("Rate the question below")) {
            text = "A question.\nScore: " + (last.contains("[bad]") ? 1 : 4);
        } else if (last.contains("Grade the answer below")) {
            text = grade(model, last);
        } else {
            int wobble = Math.floorMod(last.hashCode() ^ model.hashCode(), 3) - 1;
            text = "[quality=" + (LEVELS.get(model) + wobble) + "] " + model + " answers: "
                    + last.substring(0, Math.min(30, last.length()));
        }
        return StubReply.text(text).after(latencyMs);
    }

    /** Ten words drawn by the request's seed from a vocabulary of 500: two questions share few words. */
    private static String question(String model, String prompt) {
        Matcher m = SEED.matcher(prompt);
        long seed = m.find() ? Long.parseUnsignedLong(m.group(1), 16) : prompt.hashCode();
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 10; i++) words.append(" w").append(random.nextInt(500));
        return (model.equals("m5") ? "[bad] " : "") + "Explain" + words + "?";
    }

    private static String grade(String judge, String prompt) {
        Matcher m = QUALITY.matcher(prompt);
        if (!m.find()) return "I cannot tell.";
        int a = NOISE.get(judge);
        int noise = Math.floorMod((prompt.hashCode() * 31) ^ judge.hashCode(), 2 * a + 1) - a;
        int score = Math.max(1, Math.min(5, Integer.parseInt(m.group(1)) + noise));
        return "The answer is graded on its quality.\nScore: " + score;
    }

    /** A tribunal.yaml for a SQLite file in {@code dir}, every pool model on this stub; {@code collective} is YAML. */
    public Path config(Path dir, int parallel, String collective) {
        StringBuilder y = new StringBuilder("database:\n  url: jdbc:sqlite:" + dir.resolve("bench.db") + "\n"
                + "demo:\n  load: false\n" + collective + "llm:\n  endpoints:\n");
        for (String name : MODELS) {
            y.append("    - {name: ").append(name).append(", provider: openai_compatible, base_url: '")
                    .append(server.baseUrl()).append("', model: ").append(name).append(", parallel: ").append(parallel)
                    .append(", retries: 0, price_input_per_million: 1, price_output_per_million: 2}\n");
        }
        y.append("  models:\n");
        for (String name : MODELS) y.append("    - {name: ").append(name).append(", endpoint: ").append(name).append("}\n");
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
