package dev.tribunal.bench.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tribunal.llm.Sha256;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one baseline benchmark run is asked to do: the parameters of {@code tribunal benchmark baseline} (and of
 * the server's job API).
 *
 * @param questionSet  the set, e.g. "arena-hard-v0.1"
 * @param limit        the set's first N questions in file order, or null for all
 * @param baseline     the model every other model is compared with (a name in llm.models, or one whose answers
 *                     are imported)
 * @param models       the models compared with the baseline (the baseline may be among them; it is left out of
 *                     the comparisons)
 * @param judges       the judges (names in llm.judges); each gives its own board
 * @param strongWeight how many battles a strong verdict (A>>B, B>>A) counts as; 3 as Arena-Hard
 * @param poolJudges   also one board from every judge's verdicts together
 * @param rounds       bootstrap rounds for the intervals
 * @param seed         bootstrap seed
 */
public record BaselineParams(String questionSet, Integer limit, String baseline, List<String> models,
                             List<String> judges, double strongWeight, boolean poolJudges, int rounds, long seed) {

    /** The judge prompt, Arena-Hard's shape; part of the run's identity. */
    public static final String PROMPT = "baseline-v1";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    public BaselineParams {
        Objects.requireNonNull(questionSet, "questionSet");
        Objects.requireNonNull(baseline, "baseline");
        models = List.copyOf(models);
        judges = List.copyOf(judges);
        if (!(strongWeight > 0) || Double.isInfinite(strongWeight)) {
            throw new IllegalArgumentException("the strong weight must be > 0: " + strongWeight);
        }
    }

    /** The compared models: {@code models} without the baseline, each once, in the given order. */
    public List<String> contenders() {
        List<String> out = new ArrayList<>();
        for (String m : models) if (!m.equals(baseline) && !out.contains(m)) out.add(m);
        return out;
    }

    /** The baseline and the contenders: every model that must have answers. */
    public List<String> answering() {
        List<String> out = new ArrayList<>(List.of(baseline));
        out.addAll(contenders());
        return out;
    }

    /**
     * SHA-256 over what decides the work (set, limit, baseline, the sorted models and judges, the prompt): the
     * same command, whatever the order of its lists or its rating options, finds the same run.
     */
    public String runKey() {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("set", questionSet);
        key.put("limit", limit);
        key.put("baseline", baseline);
        key.put("models", contenders().stream().sorted().toList());
        key.put("judges", judges.stream().distinct().sorted().toList());
        key.put("prompt", PROMPT);
        return Sha256.hex(json(key));
    }

    /**
     * The source of this run's board of one judge on the models board: {@code baseline:<set>:<judge>:vs:<baseline>}
     * ({@code judge}: the judges' names joined by '+' for the pooled board). The baseline is part of it because a
     * board's scores are win-rates against its baseline: runs of one set and judge against two baselines are two
     * boards, never one mixed board.
     */
    public String boardSource(String judge) {
        return "baseline:" + questionSet + ":" + judge + ":vs:" + baseline;
    }

    public String toJson() {
        return json(this);
    }

    public static BaselineParams fromJson(String json) {
        try {
            return JSON.readValue(json, BaselineParams.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a run's parameters: " + e.getOriginalMessage());
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
