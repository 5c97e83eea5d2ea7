package dev.tribunal.config;

import static dev.tribunal.config.ConfigException.require;

import dev.tribunal.rating.RatingMethod;
import java.util.Objects;

/**
 * Rating settings.
 *
 * @param bootstrapRounds resamples for the 95 % intervals (100 by default, 1,000 for publication)
 * @param seed            seeds the bootstrap: the same battles and seed give the same snapshot
 * @param eloK            the online Elo step (4 as Chatbot Arena, 32 as Judge Arena)
 * @param anchor          the contestant pinned at anchorRating, or null for a mean rating of anchorRating
 * @param styleControl    whether model boards whose battles carry answer styles also get a style-controlled twin
 *                        (answer length and markdown held equal; Bradley–Terry only)
 */
public record RatingConfig(RatingMethod method, int bootstrapRounds, long seed, double eloK, String anchor,
                           double anchorRating, boolean styleControl) {

    public RatingConfig {
        require(method != null, "rating.method", "must be bradley-terry or elo", null);
        require(bootstrapRounds >= 1 && bootstrapRounds <= 100_000, "rating.bootstrap_rounds", "must be in 1..100000",
                bootstrapRounds);
        require(eloK > 0 && Double.isFinite(eloK), "rating.elo_k", "must be > 0", eloK);
        require(anchor == null || !anchor.isBlank(), "rating.anchor", "must be a contestant name or null",
                Objects.toString(anchor));
        require(Double.isFinite(anchorRating), "rating.anchor_rating", "must be a number", anchorRating);
    }
}
