package dev.tribunal.llm;

import java.util.Objects;

/**
 * An LLM judge as configured under {@code llm.judges}: who it is and which endpoint answers for it.
 *
 * @param name           unique name, used in commands and stored with every verdict
 * @param displayName    the name people see once a vote reveals it
 * @param organisation   who made the model, or null
 * @param endpoint       the name of an endpoint in {@code llm.endpoints}
 * @param singlePrompt   a bundled prompt name (e.g. {@code single-v1}) or a file path overriding it, or null
 * @param pairwisePrompt a bundled prompt name (e.g. {@code pairwise-v1}) or a file path overriding it, or null
 * @param family         the model family the judge belongs to (e.g. "gpt-4"), or null
 */
public record JudgeConfig(String name, String displayName, String organisation, String endpoint,
                          String singlePrompt, String pairwisePrompt, String family) {

    /** Without a family. */
    public JudgeConfig(String name, String displayName, String organisation, String endpoint, String singlePrompt,
                       String pairwisePrompt) {
        this(name, displayName, organisation, endpoint, singlePrompt, pairwisePrompt, null);
    }

    public JudgeConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(endpoint, "endpoint");
    }
}
