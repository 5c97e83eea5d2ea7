package dev.tribunal.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the leaderboard's ratings are computed. */
public enum RatingMethod {
    /** Bradley–Terry maximum likelihood on the aggregated battles. */
    @JsonProperty("bradley-terry") BRADLEY_TERRY,
    /** Online Elo over the battles in time order. */
    @JsonProperty("elo") ELO
}
