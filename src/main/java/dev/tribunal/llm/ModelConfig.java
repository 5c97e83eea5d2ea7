package dev.tribunal.llm;

import java.util.Objects;

/**
 * A contestant model as configured under {@code llm.models}: a model the baseline benchmark asks to answer
 * questions, through one of {@code llm.endpoints}.
 *
 * @param name         unique among the models, used in commands ({@code --models}, {@code --baseline}) and on boards
 * @param endpoint     the name of an endpoint in {@code llm.endpoints}; a judge may use the same one
 * @param displayName  the name people see (defaults to {@code name})
 * @param organisation who made the model, or null
 * @param licence      the model's licence, or null
 * @param family       the model family (e.g. "gpt-4"), so that a judge of the same family can be told apart, or null
 */
public record ModelConfig(String name, String endpoint, String displayName, String organisation, String licence,
                          String family) {

    public ModelConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(displayName, "displayName");
    }
}
