package dev.tribunal.judging;

import dev.tribunal.config.ConfigException;
import dev.tribunal.llm.EndpointConfig;
import dev.tribunal.llm.JudgeConfig;
import dev.tribunal.llm.LlmException;
import dev.tribunal.llm.LlmGateway;
import dev.tribunal.llm.LlmMessage;
import dev.tribunal.llm.LlmRequest;
import dev.tribunal.llm.LlmResponse;
import dev.tribunal.llm.OutputSchema;
import dev.tribunal.store.ParseStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Asks the configured LLM judges for verdicts through the gateway. Prompts are checked when the service is built;
 * an unparseable reply is asked again once with the cache bypassed, then reported as unparseable.
 */
public final class Judge {

    /** The prompts used when a judge names none. */
    public static final String DEFAULT_SINGLE_PROMPT = "single-v1";
    public static final String DEFAULT_PAIRWISE_PROMPT = "pairwise-v1";

    static final OutputSchema SCORE_SCHEMA = new OutputSchema("score_with_critique",
            List.of(OutputSchema.Field.string("critique"), OutputSchema.Field.integer("score")));
    static final OutputSchema VERDICT_SCHEMA = new OutputSchema("verdict_with_critique",
            List.of(OutputSchema.Field.string("critique"), OutputSchema.Field.oneOf("verdict", PairVerdict.labels())));

    private final LlmGateway gateway;
    private final Map<String, Prompts> judges;
    private final boolean useCache;

    /**
     * @throws ConfigException when a judge's prompt override names no bundled prompt or readable file
     */
    public Judge(LlmGateway gateway) {
        this(gateway, loadPrompts(gateway), true);
    }

    private Judge(LlmGateway gateway, Map<String, Prompts> judges, boolean useCache) {
        this.gateway = gateway;
        this.judges = judges;
        this.useCache = useCache;
    }

    /**
     * The same judges with the response cache on (the default: a repeated evaluation is free) or off (every
     * evaluation asks the provider afresh, e.g. to regenerate a critique; the new answer becomes the cached one).
     */
    public Judge withCache(boolean enabled) {
        return new Judge(gateway, judges, enabled);
    }

    private static Map<String, Prompts> loadPrompts(LlmGateway gateway) {
        Map<String, Prompts> judges = new HashMap<>();
        List<JudgeConfig> configured = gateway.config().judges();
        for (int i = 0; i < configured.size(); i++) {
            JudgeConfig j = configured.get(i);
            String key = "llm.judges[" + i + "].prompts.";
            judges.put(j.name(), new Prompts(j,
                    gateway.config().endpoint(j.endpoint()).orElseThrow(),
                    PromptTemplate.load(orDefault(j.singlePrompt(), DEFAULT_SINGLE_PROMPT), key + "single",
                            Set.of("input", "response", "criteria", "score_descriptions")),
                    PromptTemplate.load(orDefault(j.pairwisePrompt(), DEFAULT_PAIRWISE_PROMPT), key + "pairwise",
                            Set.of("input", "response_a", "response_b"))));
        }
        return Map.copyOf(judges);
    }

    public List<JudgeConfig> judges() {
        return gateway.config().judges();
    }

    /**
     * The version of the judge's own pairwise prompt, e.g. {@code pairwise-v1}: what its verdicts from
     * {@link #evaluatePair(String, String, String, String, String)} are stored under.
     *
     * @throws IllegalArgumentException when no judge has that name
     */
    public String pairwisePromptVersion(String judgeName) {
        return prompts(judgeName).pairwise.version();
    }

    /**
     * Grades one response from 1 to 5 against a rubric.
     *
     * @param reference a reference answer, or null
     * @param rubric    null for {@link Rubric#DEFAULT}
     * @throws IllegalArgumentException when no judge has that name
     * @throws LlmException             when the provider fails (after the gateway's retries)
     */
    public JudgeVerdict evaluateSingle(String judgeName, String input, String response, String reference,
                                       Rubric rubric) {
        Prompts p = prompts(judgeName);
        requireText(input, "input");
        requireText(response, "response");
        Rubric r = rubric == null ? Rubric.DEFAULT : rubric;
        List<LlmMessage> messages = p.single.render(Map.of("input", input, "response", response,
                "criteria", r.criteria(), "score_descriptions", r.describeScores()), reference,
                p.endpoint.structuredOutput());
        return ask(p.judge.name(), p.judge.endpoint(), p.single, messages, SCORE_SCHEMA, ReplyParser::parseScore);
    }

    /**
     * Compares two responses; the verdict's A is {@code responseA}.
     *
     * @param reference a reference answer, or null
     * @throws IllegalArgumentException when no judge has that name
     * @throws LlmException             when the provider fails (after the gateway's retries)
     */
    public JudgeVerdict evaluatePair(String judgeName, String input, String responseA, String responseB,
                                     String reference) {
        Prompts p = prompts(judgeName);
        requireText(input, "input");
        requireText(responseA, "responseA");
        requireText(responseB, "responseB");
        List<LlmMessage> messages = p.pairwise.render(Map.of("input", input, "response_a", responseA,
                "response_b", responseB), reference, p.endpoint.structuredOutput());
        return ask(p.judge.name(), p.judge.endpoint(), p.pairwise, messages, VERDICT_SCHEMA, ReplyParser::parsePair);
    }

    /**
     * Compares two responses with the given template instead of the judge's own pairwise prompt (e.g. the baseline
     * benchmark's Arena-Hard prompt); the verdict's A is {@code responseA}.
     *
     * @param template  a pairwise template with {@code {{input}}}, {@code {{response_a}}} and {@code {{response_b}}}
     * @param reference a reference answer, or null
     * @throws IllegalArgumentException when no judge has that name
     * @throws LlmException             when the provider fails (after the gateway's retries)
     */
    public JudgeVerdict evaluatePair(String judgeName, PromptTemplate template, String input, String responseA,
                                     String responseB, String reference) {
        Prompts p = prompts(judgeName);
        requireText(input, "input");
        requireText(responseA, "responseA");
        requireText(responseB, "responseB");
        List<LlmMessage> messages = template.render(Map.of("input", input, "response_a", responseA,
                "response_b", responseB), reference, p.endpoint.structuredOutput());
        return ask(p.judge.name(), p.judge.endpoint(), template, messages, VERDICT_SCHEMA, ReplyParser::parsePair);
    }

    /** Game 1 with {@code first} as A, game 2 with {@code first} as B (the benchmark's position swap). */
    public SwappedVerdicts evaluateSwapped(String judgeName, String input, String first, String second,
                                           String reference) {
        return new SwappedVerdicts(evaluatePair(judgeName, input, first, second, reference),
                evaluatePair(judgeName, input, second, first, reference));
    }

    /**
     * Grades with the given 1–5 template, asked of any configured endpoint rather than of a judge in llm.judges: the
     * collective benchmark, where every model of the pool judges. Parsed and asked again as {@link #evaluateSingle}.
     *
     * @param name     who is judging, as the verdict names it
     * @param values   one per placeholder of the template's user section
     * @throws IllegalArgumentException when no endpoint has that name
     * @throws LlmException             when the provider fails (after the gateway's retries)
     */
    public JudgeVerdict score(String name, String endpointName, PromptTemplate template, Map<String, String> values) {
        EndpointConfig endpoint = gateway.config().endpoint(endpointName).orElseThrow(
                () -> new IllegalArgumentException("no endpoint named '" + endpointName + "' in llm.endpoints"));
        List<LlmMessage> messages = template.render(values, null, endpoint.structuredOutput());
        return ask(name, endpointName, template, messages, SCORE_SCHEMA, ReplyParser::parseScore);
    }

    private JudgeVerdict ask(String name, String endpoint, PromptTemplate template, List<LlmMessage> messages,
                             OutputSchema schema, Function<String, ParsedReply> parser) {
        LlmRequest request = new LlmRequest(messages, null, null, schema, useCache);
        LlmResponse first = gateway.complete(endpoint, request);
        ParsedReply parsed = parser.apply(first.text());
        if (parsed.status() == ParseStatus.OK) return verdict(name, template, parsed, first, null);
        LlmResponse retry = gateway.complete(endpoint, request.withCache(false));
        return verdict(name, template, parser.apply(retry.text()), retry, first);
    }

    private static JudgeVerdict verdict(String name, PromptTemplate template, ParsedReply parsed, LlmResponse last,
                                        LlmResponse earlier) {
        long latency = last.latencyMs() + (earlier == null ? 0 : earlier.latencyMs());
        int in = last.inputTokens() + (earlier == null ? 0 : earlier.inputTokens());
        int out = last.outputTokens() + (earlier == null ? 0 : earlier.outputTokens());
        double cost = last.cost() + (earlier == null ? 0 : earlier.cost());
        return new JudgeVerdict(name, parsed.verdict(), parsed.score(), parsed.critique(), parsed.status(),
                template.version(), last.requestKey(), last.text(), latency, in, out, cost, earlier == null ? 1 : 2,
                (last.cached() ? 0 : 1) + (earlier == null || earlier.cached() ? 0 : 1));
    }

    private Prompts prompts(String judgeName) {
        Prompts p = judges.get(judgeName);
        if (p == null) throw new IllegalArgumentException("no judge named '" + judgeName + "' in llm.judges");
        return p;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(name + " must not be empty");
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private record Prompts(JudgeConfig judge, EndpointConfig endpoint, PromptTemplate single, PromptTemplate pairwise) {
    }
}
