package dev.tribunal.web;

import dev.tribunal.config.ArenaConfig;
import dev.tribunal.config.TribunalConfig;
import dev.tribunal.judging.Judge;

/**
 * The live LLM judges' part of the service.
 *
 * @param judge            the configured judges (through the gateway), or null when there are none
 * @param liveShare        the chance that a new round shows a live sample when there is one (config
 *                         {@code arena.live_share})
 * @param maxInputChars    the longest input (and rubric) of a submitted sample
 * @param maxResponseChars the longest response (and reference) of a submitted sample
 */
public record LiveSettings(Judge judge, double liveShare, int maxInputChars, int maxResponseChars) {

    /** No live judges; the default share and limits. */
    public static LiveSettings none() {
        return of(null, TribunalConfig.defaults().arena());
    }

    public static LiveSettings of(Judge judge, ArenaConfig arena) {
        return new LiveSettings(judge, arena.liveShare(), arena.maxInputChars(), arena.maxResponseChars());
    }

    public LiveSettings withJudge(Judge newJudge) {
        return new LiveSettings(newJudge, liveShare, maxInputChars, maxResponseChars);
    }

    public LiveSettings withLiveShare(double share) {
        return new LiveSettings(judge, share, maxInputChars, maxResponseChars);
    }
}
