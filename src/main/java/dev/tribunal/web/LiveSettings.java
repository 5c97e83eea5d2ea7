package dev.tribunal.web;

import dev.tribunal.config.ArenaConfig;
import dev.tribunal.config.CollectiveConfig;
import dev.tribunal.config.TribunalConfig;
import dev.tribunal.llm.LlmGateway;
import java.nio.file.Path;

/**
 * The live LLM judges' part of the service.
 *
 * @param gateway          the gateway to the configured judges and sample generator ({@code llm:}), or null when
 *                         there is none; the caller closes it after the service
 * @param liveShare        the chance that a new round shows a live sample when there is one (config
 *                         {@code arena.live_share})
 * @param maxInputChars    the longest input (and rubric) of a submitted sample
 * @param maxResponseChars the longest response (and reference) of a submitted sample
 * @param dataDirectory    where the bundled question sets and answers are (benchmark jobs; {@code data})
 * @param collective       the collective benchmark's topics, difficulties and thresholds (collective jobs)
 */
public record LiveSettings(LlmGateway gateway, double liveShare, int maxInputChars, int maxResponseChars,
                           Path dataDirectory, CollectiveConfig collective) {

    public static final Path DATA = Path.of("data");

    /** No live judges; the default share and limits. */
    public static LiveSettings none() {
        return of(null, TribunalConfig.defaults().arena());
    }

    public static LiveSettings of(LlmGateway gateway, ArenaConfig arena) {
        return of(gateway, arena, CollectiveConfig.defaults());
    }

    public static LiveSettings of(LlmGateway gateway, ArenaConfig arena, CollectiveConfig collective) {
        return new LiveSettings(gateway, arena.liveShare(), arena.maxInputChars(), arena.maxResponseChars(), DATA,
                collective);
    }

    public LiveSettings withGateway(LlmGateway newGateway) {
        return new LiveSettings(newGateway, liveShare, maxInputChars, maxResponseChars, dataDirectory, collective);
    }

    public LiveSettings withLiveShare(double share) {
        return new LiveSettings(gateway, share, maxInputChars, maxResponseChars, dataDirectory, collective);
    }
}
