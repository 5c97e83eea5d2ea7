package dev.tribunal.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * The sample generator as configured under {@code llm.generator}: which endpoint writes arena samples, how often
 * and how many, and the mix of qualities it is asked for (shares of the batch, summing to 1).
 *
 * @param endpoint  the name of an endpoint in {@code llm.endpoints}
 * @param every     how often a batch is generated
 * @param batch     samples per batch
 * @param good      share asked for a good response
 * @param bad       share asked for a flawed response
 * @param ambiguous share asked for a response whose quality is debatable
 */
public record GeneratorConfig(String endpoint, Duration every, int batch, double good, double bad, double ambiguous) {

    public GeneratorConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(every, "every");
    }
}
