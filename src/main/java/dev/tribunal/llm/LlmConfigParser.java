package dev.tribunal.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.config.ConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the raw {@code llm:} tree into {@link LlmConfig}, failing on the first wrong key with its full path. */
final class LlmConfigParser {

    private static final Set<String> TOP_KEYS = Set.of("endpoints", "judges", "models", "generator");
    private static final Set<String> GENERATOR_KEYS = Set.of("endpoint", "every", "batch", "mix");
    private static final Set<String> MIX_KEYS = Set.of("good", "bad", "ambiguous");
    private static final Set<String> ENDPOINT_KEYS = Set.of("name", "provider", "base_url", "model", "api_key_env",
            "parallel", "cluster_parallel", "timeout", "retries", "backoff_initial", "backoff_max", "retry_after_max",
            "temperature", "max_tokens", "price_input_per_million", "price_output_per_million", "structured_output");
    private static final Set<String> JUDGE_KEYS = Set.of("name", "display_name", "organisation", "endpoint", "prompts",
            "family");
    private static final Set<String> MODEL_KEYS = Set.of("name", "endpoint", "display_name", "organisation", "licence",
            "family");
    private static final Set<String> PROMPT_KEYS = Set.of("single", "pairwise");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    LlmConfig parse(JsonNode llm) {
        if (llm == null || llm.isNull() || llm.isMissingNode()) return LlmConfig.empty();
        Node root = new Node(llm, "llm");
        root.requireObject(TOP_KEYS);
        List<EndpointConfig> endpoints = new ArrayList<>();
        Set<String> endpointNames = new HashSet<>();
        for (Node item : root.list("endpoints")) {
            EndpointConfig endpoint = endpoint(item);
            if (!endpointNames.add(endpoint.name())) {
                throw item.child("name").error("duplicate endpoint name '" + endpoint.name() + "'");
            }
            endpoints.add(endpoint);
        }
        List<JudgeConfig> judges = new ArrayList<>();
        Set<String> judgeNames = new HashSet<>();
        for (Node item : root.list("judges")) {
            JudgeConfig judge = judge(item, endpointNames);
            if (!judgeNames.add(judge.name())) {
                throw item.child("name").error("duplicate judge name '" + judge.name() + "'");
            }
            judges.add(judge);
        }
        List<ModelConfig> models = new ArrayList<>();
        Set<String> modelNames = new HashSet<>();
        for (Node item : root.list("models")) {
            ModelConfig model = model(item, endpointNames);
            if (!modelNames.add(model.name())) {
                throw item.child("name").error("duplicate model name '" + model.name() + "'");
            }
            models.add(model);
        }
        Node generator = root.child("generator");
        return new LlmConfig(endpoints, judges, models, generator.present() ? generator(generator, endpointNames) : null);
    }

    /** {@code llm.models[i]}: a contestant model answering through an endpoint (a judge may share it). */
    private static ModelConfig model(Node node, Set<String> endpointNames) {
        node.requireObject(MODEL_KEYS);
        String name = node.requiredText("name");
        String endpoint = node.requiredText("endpoint");
        if (!endpointNames.contains(endpoint)) {
            throw node.child("endpoint").error("no endpoint named '" + endpoint + "' in llm.endpoints");
        }
        return new ModelConfig(name, endpoint, node.optionalText("display_name", name),
                node.optionalText("organisation", null), node.optionalText("licence", null),
                node.optionalText("family", null));
    }

    /** {@code llm.generator}: endpoint, every (PT10M), batch (5), mix of qualities (0.4 / 0.3 / 0.3, sum 1). */
    private static GeneratorConfig generator(Node node, Set<String> endpointNames) {
        node.requireObject(GENERATOR_KEYS);
        String endpoint = node.requiredText("endpoint");
        if (!endpointNames.contains(endpoint)) {
            throw node.child("endpoint").error("no endpoint named '" + endpoint + "' in llm.endpoints");
        }
        Duration every = positive(node, "every", Duration.ofMinutes(10));
        int batch = node.intAtLeast("batch", 5, 1);
        if (batch > 50) throw node.child("batch").error("must be at most 50");
        Node mix = node.child("mix");
        double good = 0.4;
        double bad = 0.3;
        double ambiguous = 0.3;
        if (mix.present()) {
            mix.requireObject(MIX_KEYS);
            good = mix.price("good");
            bad = mix.price("bad");
            ambiguous = mix.price("ambiguous");
            if (Math.abs(good + bad + ambiguous - 1) > 1e-6) {
                throw mix.error("good + bad + ambiguous must be 1, got " + (good + bad + ambiguous));
            }
        }
        return new GeneratorConfig(endpoint, every, batch, good, bad, ambiguous);
    }

    private static EndpointConfig endpoint(Node node) {
        node.requireObject(ENDPOINT_KEYS);
        String name = node.requiredText("name");
        Node providerNode = node.child("provider");
        Provider provider = Provider.fromConfigName(providerNode.requiredText());
        if (provider == null) throw providerNode.error("must be one of " + Provider.configNames());
        String baseUrl = node.optionalText("base_url", provider.defaultBaseUrl());
        if (baseUrl == null) throw node.child("base_url").error("is required for provider " + provider.configName());
        checkUrl(node.child("base_url"), baseUrl);
        String apiKeyEnv = node.optionalText("api_key_env", null);
        if (apiKeyEnv != null && !ENV_NAME.matcher(apiKeyEnv).matches()) {
            throw node.child("api_key_env").error("must be the NAME of an environment variable (the key itself "
                    + "never goes in the config file)");
        }
        Duration backoffInitial = node.duration("backoff_initial", Duration.ofSeconds(1));
        Duration backoffMax = node.duration("backoff_max", Duration.ofSeconds(30));
        if (backoffMax.compareTo(backoffInitial) < 0) throw node.child("backoff_max").error("must be >= backoff_initial");
        return new EndpointConfig(name, provider, stripTrailingSlash(baseUrl), node.requiredText("model"), apiKeyEnv,
                node.intAtLeast("parallel", 4, 1), positive(node, "timeout", Duration.ofSeconds(60)),
                node.intAtLeast("retries", 3, 0), backoffInitial, backoffMax,
                node.duration("retry_after_max", Duration.ofSeconds(120)), node.optionalTemperature(),
                node.optionalIntAtLeast("max_tokens", 1), node.price("price_input_per_million"),
                node.price("price_output_per_million"),
                node.bool("structured_output", provider.structuredOutputByDefault()),
                node.optionalIntAtLeast("cluster_parallel", 1));
    }

    private static JudgeConfig judge(Node node, Set<String> endpointNames) {
        node.requireObject(JUDGE_KEYS);
        String name = node.requiredText("name");
        String endpoint = node.requiredText("endpoint");
        if (!endpointNames.contains(endpoint)) {
            throw node.child("endpoint").error("no endpoint named '" + endpoint + "' in llm.endpoints");
        }
        Node prompts = node.child("prompts");
        String single = null;
        String pairwise = null;
        if (prompts.present()) {
            prompts.requireObject(PROMPT_KEYS);
            single = prompts.optionalText("single", null);
            pairwise = prompts.optionalText("pairwise", null);
        }
        return new JudgeConfig(name, node.optionalText("display_name", name), node.optionalText("organisation", null),
                endpoint, single, pairwise, node.optionalText("family", null));
    }

    private static Duration positive(Node node, String key, Duration fallback) {
        Duration d = node.duration(key, fallback);
        if (d.isZero()) throw node.child(key).error("must be > 0");
        return d;
    }

    private static void checkUrl(Node node, String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw node.error("must be an http:// or https:// URL: " + url);
            }
        } catch (IllegalArgumentException e) {
            throw node.error("must be an http:// or https:// URL: " + url);
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A node of the tree together with its path, so that every message can name the key. */
    private record Node(JsonNode json, String path) {

        boolean present() {
            return json != null && !json.isMissingNode() && !json.isNull();
        }

        Node child(String key) {
            return new Node(json == null ? null : json.get(key), path + "." + key);
        }

        ConfigException error(String problem) {
            return new ConfigException(path, problem);
        }

        void requireObject(Set<String> allowedKeys) {
            if (!json.isObject()) throw error("must be a mapping");
            for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!allowedKeys.contains(key)) {
                    throw child(key).error("unknown key (allowed: " + String.join(", ", allowedKeys.stream().sorted().toList()) + ")");
                }
            }
        }

        List<Node> list(String key) {
            Node list = child(key);
            if (!list.present()) return List.of();
            if (!list.json.isArray()) throw list.error("must be a list");
            List<Node> items = new ArrayList<>();
            for (int i = 0; i < list.json.size(); i++) items.add(new Node(list.json.get(i), list.path + "[" + i + "]"));
            return items;
        }

        String requiredText() {
            if (!present()) throw error("is required");
            if (!json.isValueNode() || json.asText().isBlank()) throw error("must be a non-empty text");
            return json.asText().trim();
        }

        String requiredText(String key) {
            return child(key).requiredText();
        }

        String optionalText(String key, String fallback) {
            Node n = child(key);
            return n.present() ? n.requiredText() : fallback;
        }

        int intAtLeast(String key, int fallback, int min) {
            Integer value = optionalIntAtLeast(key, min);
            return value == null ? fallback : value;
        }

        Integer optionalIntAtLeast(String key, int min) {
            Node n = child(key);
            if (!n.present()) return null;
            if (!n.json.canConvertToInt() || !n.json.isIntegralNumber()) throw n.error("must be a whole number");
            int value = n.json.intValue();
            if (value < min) throw n.error(min == 1 ? "must be > 0" : "must be >= " + min);
            return value;
        }

        Double optionalTemperature() {
            Node n = child("temperature");
            if (!n.present()) return null;
            if (!n.json.isNumber() || n.json.doubleValue() < 0 || n.json.doubleValue() > 2) {
                throw n.error("must be a number between 0 and 2");
            }
            return n.json.doubleValue();
        }

        double price(String key) {
            Node n = child(key);
            if (!n.present()) return 0;
            if (!n.json.isNumber() || n.json.doubleValue() < 0) throw n.error("must be a number >= 0");
            return n.json.doubleValue();
        }

        boolean bool(String key, boolean fallback) {
            Node n = child(key);
            if (!n.present()) return fallback;
            if (!n.json.isBoolean()) throw n.error("must be true or false");
            return n.json.booleanValue();
        }

        /** ISO-8601 like the rest of tribunal.yaml ("PT30S"), or short: "500ms", "30s", "2m", "1h", bare seconds. */
        Duration duration(String key, Duration fallback) {
            Node n = child(key);
            if (!n.present()) return fallback;
            String text = n.json.asText().trim();
            if (n.json.isTextual() && text.toUpperCase(java.util.Locale.ROOT).startsWith("P")) {
                try {
                    Duration d = Duration.parse(text);
                    if (d.isNegative()) throw n.error("must not be negative");
                    return d;
                } catch (java.time.format.DateTimeParseException e) {
                    throw n.error("must be a duration such as PT30S, 500ms, 30s or 2m");
                }
            }
            Matcher m = DURATION.matcher(text);
            if (!n.json.isValueNode() || !m.matches()) throw n.error("must be a duration such as PT30S, 500ms, 30s or 2m");
            double amount = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            double millis = switch (unit) {
                case "ms" -> amount;
                case "s" -> amount * 1_000;
                case "m" -> amount * 60_000;
                default -> amount * 3_600_000;
            };
            return Duration.ofMillis(Math.round(millis));
        }
    }
}
