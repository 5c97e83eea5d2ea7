package dev.tribunal.bench.collective;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tribunal.config.CollectiveConfig;
import dev.tribunal.llm.Sha256;
import dev.tribunal.rating.WeightRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one collective benchmark run is asked to do: the parameters of {@code tribunal benchmark collective} (and of
 * the server's job API), with the thresholds from the {@code collective} configuration.
 *
 * @param models              the pool: names in llm.models, each a contestant and a judge
 * @param topics              the topics an iteration picks from
 * @param difficulties        the difficulties an iteration picks from
 * @param iterations          at most this many iterations (one kept question each, at most)
 * @param weights             how the judges are weighted, updated after every iteration
 * @param allowSelfJudging    a model rates its own question and answer too
 * @param allowSameFamily     a model rates the answers of its own family (llm.models {@code family}) too
 * @param fromRun             the run whose last weights this one starts from, or null to start equal
 * @param questionAttempts    authors asked per iteration before it is given up
 * @param minQuestionMean     a kept question's weighted mean rating is at least this
 * @param minQuestionMedian   a kept question's weighted median rating is at least this
 * @param duplicateSimilarity word-set Jaccard similarity that makes a question a near-duplicate of an earlier one
 * @param stabilityWindow     stop once the rank ranges are unchanged for this many iterations (0 = never)
 * @param minIterations       no stop for stability before this many iterations
 * @param rounds              bootstrap rounds for the intervals and the rank ranges
 * @param seed                seeds the iterations' choices (topic, difficulty, authors) and the bootstrap
 */
public record CollectiveParams(List<String> models, List<String> topics, List<String> difficulties, int iterations,
                               WeightRule weights, boolean allowSelfJudging, boolean allowSameFamily, Long fromRun,
                               int questionAttempts, double minQuestionMean, double minQuestionMedian,
                               double duplicateSimilarity, int stabilityWindow, int minIterations, int rounds,
                               long seed) {

    /** The author's prompt. */
    public static final String QUESTION_PROMPT = "collective-question-v1";
    /** The prompt a pool model rates a question with. */
    public static final String RATE_QUESTION_PROMPT = "collective-rate-question-v1";
    /** The prompt a pool model rates an answer with. */
    public static final String RATE_ANSWER_PROMPT = "collective-rate-answer-v1";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    public CollectiveParams {
        models = List.copyOf(models);
        topics = List.copyOf(topics);
        difficulties = List.copyOf(difficulties);
        Objects.requireNonNull(weights, "weights");
        if (models.stream().distinct().count() < 2) throw new IllegalArgumentException("--models must name at least two models");
        if (iterations < 1) throw new IllegalArgumentException("--iterations must be >= 1: " + iterations);
        if (topics.isEmpty()) throw new IllegalArgumentException("--topics must name at least one topic");
        if (difficulties.isEmpty()) throw new IllegalArgumentException("--difficulties must name at least one difficulty");
        if (rounds < 0) throw new IllegalArgumentException("--rounds must be >= 0: " + rounds);
    }

    /** The command's choices over the configured thresholds; null lists and iterations take the configuration's. */
    public static CollectiveParams of(CollectiveConfig config, List<String> models, List<String> topics,
                                      List<String> difficulties, Integer iterations, WeightRule weights,
                                      boolean allowSelfJudging, boolean allowSameFamily, Long fromRun, int rounds,
                                      long seed) {
        return new CollectiveParams(models, topics == null ? config.topics() : topics,
                difficulties == null ? config.difficulties() : difficulties,
                iterations == null ? config.iterations() : iterations, weights, allowSelfJudging, allowSameFamily,
                fromRun, config.questionAttempts(), config.minQuestionMean(), config.minQuestionMedian(),
                config.duplicateSimilarity(), config.stabilityWindow(), config.minIterations(), rounds, seed);
    }

    /** The pool, each model once, in the given order. */
    public List<String> pool() {
        return models.stream().distinct().toList();
    }

    /**
     * SHA-256 over everything that decides the work (the sorted pool, topics, difficulties, iterations, rule, rules
     * of who rates whom, the starting run, thresholds, seed, prompts): the same command finds the same run.
     */
    public String runKey() {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("kind", "collective");
        key.put("params", this.withModels(pool().stream().sorted().toList()));
        key.put("prompts", List.of(QUESTION_PROMPT, RATE_QUESTION_PROMPT, RATE_ANSWER_PROMPT));
        return Sha256.hex(json(key));
    }

    private CollectiveParams withModels(List<String> sorted) {
        return new CollectiveParams(sorted, topics, difficulties, iterations, weights, allowSelfJudging,
                allowSameFamily, fromRun, questionAttempts, minQuestionMean, minQuestionMedian, duplicateSimilarity,
                stabilityWindow, minIterations, rounds, seed);
    }

    /** The source of the run's battles and boards on the models board. */
    public static String boardSource(long runId) {
        return "collective:" + runId;
    }

    public String toJson() {
        return json(this);
    }

    public static CollectiveParams fromJson(String json) {
        try {
            return JSON.readValue(json, CollectiveParams.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a collective run's parameters: " + e.getOriginalMessage());
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
