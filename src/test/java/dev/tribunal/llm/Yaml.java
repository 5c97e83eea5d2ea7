package dev.tribunal.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.UncheckedIOException;

/** Builds {@link LlmConfig} from YAML text, the way a tribunal.yaml's {@code llm:} section is read. */
public final class Yaml {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Yaml() {
    }

    /** {@code text} is the whole document, starting with {@code llm:}. */
    public static LlmConfig llmConfig(String text) {
        try {
            JsonNode root = YAML.readTree(text);
            return LlmConfig.parse(root.get("llm"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One endpoint called {@code name} plus the given extra lines (indented by the caller as endpoint keys). */
    public static LlmConfig oneEndpoint(String name, String provider, String baseUrl, String... extra) {
        StringBuilder y = new StringBuilder("llm:\n  endpoints:\n    - name: " + name + "\n      provider: " + provider
                + "\n      base_url: " + baseUrl + "\n      model: stub-model\n");
        for (String line : extra) y.append("      ").append(line).append('\n');
        return llmConfig(y.toString());
    }
}
