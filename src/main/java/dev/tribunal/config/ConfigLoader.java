package dev.tribunal.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tribunal.rating.RatingMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads the configuration: defaults, then the YAML file merged over them, then environment overrides. */
final class ConfigLoader {

    private static final String ENV_PREFIX = "TRIBUNAL_";
    /** Reserved for the LLM providers and judges; not typed here, so not overridable key by key. */
    private static final String RAW_SECTION = "llm";

    private final YAMLMapper yaml = new YAMLMapper();
    private final JsonMapper mapper;

    ConfigLoader() {
        SimpleModule durations = new SimpleModule("durations")
                .addDeserializer(Duration.class, new IsoDurationDeserializer())
                .addSerializer(Duration.class, ToStringSerializer.instance);
        mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .addModule(durations)
                .addMixIn(RatingMethod.class, RatingMethodNames.class)
                .build();
    }

    /** The names of {@link RatingMethod} in the file (the rating package knows no JSON). */
    private enum RatingMethodNames {
        @JsonProperty("bradley-terry") BRADLEY_TERRY,
        @JsonProperty("elo") ELO
    }

    TribunalConfig load(Path file, Map<String, String> env) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("", "configuration file not found: " + file);
        } catch (IOException e) {
            throw new ConfigException("", "cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString(), env);
    }

    TribunalConfig parse(String text, String source, Map<String, String> env) {
        ObjectNode tree = mapper.valueToTree(TribunalConfig.defaults());
        JsonNode file = readYaml(text, source);
        if (!file.isMissingNode() && !file.isNull()) {
            if (!file.isObject()) throw new ConfigException("", source + ": expected a mapping of sections at the top");
            merge(tree, (ObjectNode) file);
        }
        Map<String, String> overridden = applyEnvironment(tree, env);
        try {
            return mapper.treeToValue(tree, TribunalConfig.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw describe(e, overridden);
        }
    }

    private JsonNode readYaml(String text, String source) {
        try {
            JsonNode node = yaml.readTree(text);
            return node == null ? JsonNodeFactory.instance.missingNode() : node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new ConfigException("", source + where + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
    }

    /** Values in {@code over} replace those in {@code base}; mappings merge key by key. */
    private static void merge(ObjectNode base, ObjectNode over) {
        Iterator<Map.Entry<String, JsonNode>> fields = over.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode current = base.get(f.getKey());
            if (current instanceof ObjectNode target && f.getValue() instanceof ObjectNode source) {
                merge(target, source);
            } else {
                base.set(f.getKey(), f.getValue());
            }
        }
    }

    /**
     * Sets every leaf named by an environment variable ({@code TRIBUNAL_SERVER_PORT} → server.port,
     * {@code TRIBUNAL_ARENA_PER_ADDRESS_VOTES_PER_MINUTE} → arena.per_address.votes_per_minute; a list takes
     * comma-separated values) and returns which key paths came from which variable.
     */
    private static Map<String, String> applyEnvironment(ObjectNode tree, Map<String, String> env) {
        Map<String, String> overridden = new HashMap<>();
        tree.fields().forEachRemaining(section -> {
            if (section.getKey().equals(RAW_SECTION) || !(section.getValue() instanceof ObjectNode keys)) return;
            applyEnvironment(keys, section.getKey(), env, overridden);
        });
        return overridden;
    }

    private static void applyEnvironment(ObjectNode keys, String prefix, Map<String, String> env,
                                         Map<String, String> overridden) {
        List<String> names = new ArrayList<>();
        keys.fieldNames().forEachRemaining(names::add);
        for (String key : names) {
            String path = prefix + "." + key;
            if (keys.get(key) instanceof ObjectNode nested) {
                applyEnvironment(nested, path, env, overridden);
                continue;
            }
            String variable = ENV_PREFIX + path.replace('.', '_').toUpperCase(Locale.ROOT);
            String value = env.get(variable);
            if (value == null) continue;
            if (keys.get(key) instanceof ArrayNode) {
                ArrayNode list = keys.putArray(key);
                Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(list::add);
            } else {
                keys.put(key, value);
            }
            overridden.put(path, variable);
        }
    }

    private ConfigException describe(Exception e, Map<String, String> overridden) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof ConfigException ce) return fromEnvironment(ce.path(), ce.getMessage(), overridden, ce);
        }
        if (!(e instanceof JsonMappingException jme)) return new ConfigException("", e.getMessage(), e);
        String path = jme.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String problem;
        if (e instanceof UnrecognizedPropertyException u) {
            path = path.isEmpty() ? u.getPropertyName() : path;
            problem = "unknown key (known keys here: " + u.getKnownPropertyIds().stream().map(Object::toString)
                    .sorted().collect(Collectors.joining(", ")) + ")";
        } else if (e instanceof InvalidFormatException f) {
            problem = "expected " + expected(f.getTargetType()) + ", got " + quoted(f.getValue());
        } else if (e instanceof MismatchedInputException m) {
            problem = "expected " + expected(m.getTargetType());
        } else {
            problem = jme.getOriginalMessage();
        }
        return fromEnvironment(path, path + ": " + problem, overridden, e);
    }

    private static ConfigException fromEnvironment(String path, String message, Map<String, String> overridden,
                                                   Exception cause) {
        String variable = overridden.get(path);
        String problem = message.startsWith(path + ": ") ? message.substring(path.length() + 2) : message;
        return new ConfigException(variable == null ? path : path + " (from " + variable + ")", problem, cause);
    }

    private String expected(Class<?> type) {
        if (type == null) return "another kind of value";
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) return "a whole number";
        if (type == double.class || type == Double.class) return "a number";
        if (type == boolean.class || type == Boolean.class) return "true or false";
        if (type == Duration.class) return "an ISO-8601 duration such as PT1H or PT30M";
        if (type.isEnum()) {
            // the names as the file spells them (@JsonProperty, or a mix-in's)
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> mapper.valueToTree(c).asText())
                    .collect(Collectors.joining(", "));
        }
        if (type == String.class) return "text";
        if (type.isRecord()) return "a mapping of keys";
        return "a " + type.getSimpleName();
    }

    private static String quoted(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    /** ISO-8601 only ("PT1H"): a bare number would be ambiguous between seconds and milliseconds. */
    private static final class IsoDurationDeserializer extends StdScalarDeserializer<Duration> {

        IsoDurationDeserializer() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            String text = p.getValueAsString();
            if (text == null) return (Duration) ctx.handleUnexpectedToken(Duration.class, p);
            try {
                return Duration.parse(text.trim());
            } catch (DateTimeParseException e) {
                return (Duration) ctx.handleWeirdStringValue(Duration.class, text, "not an ISO-8601 duration");
            }
        }
    }
}
