package dev.tribunal.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.arena.ArenaException;
import dev.tribunal.arena.LiveJudges;
import dev.tribunal.judging.ReplyParser;
import dev.tribunal.llm.GeneratorConfig;
import dev.tribunal.llm.LlmException;
import dev.tribunal.llm.LlmGateway;
import dev.tribunal.llm.LlmMessage;
import dev.tribunal.llm.LlmRequest;
import dev.tribunal.llm.OutputSchema;
import dev.tribunal.store.Sample;
import dev.tribunal.store.SampleSource;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes arena samples with an LLM ({@code llm.generator}): asks the model for a user input and a response of a
 * requested quality (good, bad, ambiguous, drawn by the configured mix) as JSON, stores each as a sample with
 * source generated, judged by two live judges ({@link LiveJudges#judgeNew}). Runs every {@code every} once
 * started, and on demand. The requested quality is not stored or shown: voters judge the critiques, not it.
 */
public final class SampleGenerator implements AutoCloseable {

    /** What a run did. */
    public record Result(int requested, int stored, int failed, List<String> errors) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(SampleGenerator.class);
    private static final OutputSchema SCHEMA = new OutputSchema("generated_sample",
            List.of(OutputSchema.Field.string("input"), OutputSchema.Field.string("response")));
    private static final List<String> TOPICS = List.of("cooking", "personal finance", "programming", "history",
            "travel", "health", "mathematics", "writing", "science", "law", "gardening", "music", "careers");

    private final LlmGateway gateway;
    private final GeneratorConfig config;
    private final LiveJudges judges;
    private final RandomGenerator random = new SecureRandom();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sample-generator");
        t.setDaemon(true);
        return t;
    });

    public SampleGenerator(LlmGateway gateway, GeneratorConfig config, LiveJudges judges) {
        this.gateway = gateway;
        this.config = config;
        this.judges = judges;
    }

    /** Generates a batch every {@code every}, the first after one interval. */
    public void start() {
        long every = config.every().toMillis();
        timer.scheduleWithFixedDelay(() -> {
            try {
                Result r = generate(config.batch());
                LOG.info("generated {} of {} samples ({} failed)", r.stored(), r.requested(), r.failed());
            } catch (RuntimeException e) {
                LOG.error("sample generation failed: {}", e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /** Generates and has judged {@code count} samples, one after the other; failures are counted, not thrown. */
    public synchronized Result generate(int count) {
        int stored = 0;
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String quality = quality();
            try {
                JsonNode pair = ask(quality);
                judges.judgeNew(Sample.single(pair.get("input").asText(), pair.get("response").asText(),
                        config.endpoint(), SampleSource.GENERATED, null));
                stored++;
            } catch (LlmException | ArenaException | IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        return new Result(count, stored, count - stored, List.copyOf(errors));
    }

    private JsonNode ask(String quality) {
        String topic = TOPICS.get(random.nextInt(TOPICS.size()));
        LlmRequest request = LlmRequest.of(
                LlmMessage.system("You write test data for evaluating AI judges. Answer with one JSON object only."),
                LlmMessage.user("Write a realistic question or request a user might send an AI assistant about "
                        + topic + ", and an assistant response to it that is " + describe(quality) + ". Answer as "
                        + "JSON: {\"input\": \"<the user's message>\", \"response\": \"<the assistant's response>\"}."))
                .withOutputSchema(SCHEMA).withCache(false);
        String text = gateway.complete(config.endpoint(), request).text();
        return parse(text);
    }

    /**
     * The JSON object in the reply, found as a judge's reply is ({@link ReplyParser#jsonObjects}: code fences and
     * text around it ignored), with non-blank input and response.
     */
    static JsonNode parse(String text) {
        List<JsonNode> objects = text == null ? List.of() : ReplyParser.jsonObjects(text);
        if (objects.isEmpty()) throw new IllegalArgumentException("the generator's reply has no JSON object");
        JsonNode node = objects.getFirst();
        for (String field : List.of("input", "response")) {
            JsonNode value = node.get(field);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                throw new IllegalArgumentException("the generator's reply has no text '" + field + "'");
            }
        }
        return node;
    }

    private String quality() {
        double x = random.nextDouble() * (config.good() + config.bad() + config.ambiguous());
        if (x < config.good()) return "good";
        return x < config.good() + config.bad() ? "bad" : "ambiguous";
    }

    private static String describe(String quality) {
        return switch (quality) {
            case "good" -> "excellent: correct, complete, clear and helpful";
            case "bad" -> "flawed: it contains a factual error or misses an important part of the request, while "
                    + "sounding confident";
            default -> "of debatable quality: partly right, or right but unclear, so that reasonable judges could "
                    + "disagree about it";
        };
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
