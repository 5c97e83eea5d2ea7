package dev.tribunal.llm;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The wire protocols the gateway speaks, each through its LangChain4j module. */
public enum Provider {
    /** OpenAI itself. */
    OPENAI("https://api.openai.com/v1", true),
    /** Any server speaking OpenAI's chat completions API: vLLM, SGLang, TGI, Ollama, llama.cpp, LM Studio. */
    OPENAI_COMPATIBLE(null, true),
    ANTHROPIC("https://api.anthropic.com/v1", false),
    GEMINI("https://generativelanguage.googleapis.com/v1beta", true),
    /** Ollama's native /api/chat. */
    OLLAMA("http://localhost:11434", true);

    private final String defaultBaseUrl;
    private final boolean structuredOutputByDefault;

    Provider(String defaultBaseUrl, boolean structuredOutputByDefault) {
        this.defaultBaseUrl = defaultBaseUrl;
        this.structuredOutputByDefault = structuredOutputByDefault;
    }

    /** The base URL used when the config gives none, or null when one must be given. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** Whether JSON-schema structured output is asked for unless the endpoint says otherwise. */
    public boolean structuredOutputByDefault() {
        return structuredOutputByDefault;
    }

    /** The name used in configuration files, e.g. {@code openai_compatible}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a config name (case-insensitive, {@code -} or {@code _}); null when it names no provider. */
    public static Provider fromConfigName(String text) {
        String normalised = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(p -> p.name().equals(normalised)).findFirst().orElse(null);
    }

    public static String configNames() {
        return Arrays.stream(values()).map(Provider::configName).collect(Collectors.joining(", "));
    }
}
