package dev.tribunal.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The typed {@code llm:} section: the endpoints the gateway may call, the judges and the contestant models built
 * on them, and the sample generator (null when not configured).
 * Names are unique within each list and every judge and model names an existing endpoint.
 */
public record LlmConfig(List<EndpointConfig> endpoints, List<JudgeConfig> judges, List<ModelConfig> models,
                        GeneratorConfig generator) {

    /** Without a sample generator or contestant models. */
    public LlmConfig(List<EndpointConfig> endpoints, List<JudgeConfig> judges) {
        this(endpoints, judges, List.of(), null);
    }

    /** Without contestant models. */
    public LlmConfig(List<EndpointConfig> endpoints, List<JudgeConfig> judges, GeneratorConfig generator) {
        this(endpoints, judges, List.of(), generator);
    }

    public LlmConfig {
        endpoints = List.copyOf(endpoints);
        judges = List.copyOf(judges);
        models = List.copyOf(models);
        Set<String> names = new HashSet<>();
        for (EndpointConfig e : endpoints) {
            if (!names.add(e.name())) throw new IllegalArgumentException("duplicate endpoint name: " + e.name());
        }
        for (JudgeConfig j : judges) {
            if (!names.contains(j.endpoint())) {
                throw new IllegalArgumentException("judge " + j.name() + " names unknown endpoint " + j.endpoint());
            }
        }
        Set<String> modelNames = new HashSet<>();
        for (ModelConfig m : models) {
            if (!modelNames.add(m.name())) throw new IllegalArgumentException("duplicate model name: " + m.name());
            if (!names.contains(m.endpoint())) {
                throw new IllegalArgumentException("model " + m.name() + " names unknown endpoint " + m.endpoint());
            }
        }
        if (generator != null && !names.contains(generator.endpoint())) {
            throw new IllegalArgumentException("the generator names unknown endpoint " + generator.endpoint());
        }
    }

    /** No endpoints, no judges: what the default configuration has, needing no keys. */
    public static LlmConfig empty() {
        return new LlmConfig(List.of(), List.of());
    }

    /**
     * Reads the {@code llm:} tree (null or missing → {@link #empty()}).
     *
     * @throws dev.tribunal.config.ConfigException naming the key, e.g. {@code llm.endpoints[0].parallel: must be > 0}
     */
    public static LlmConfig parse(JsonNode llm) {
        return new LlmConfigParser().parse(llm);
    }

    public Optional<EndpointConfig> endpoint(String name) {
        return endpoints.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public Optional<JudgeConfig> judge(String name) {
        return judges.stream().filter(j -> j.name().equals(name)).findFirst();
    }

    public Optional<ModelConfig> model(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
