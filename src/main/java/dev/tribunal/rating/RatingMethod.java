package dev.tribunal.rating;

/** How ratings are computed from battles. */
public enum RatingMethod {
    /** Bradley–Terry maximum likelihood on the aggregated battles (Chatbot Arena's and Arena-Hard's method). */
    BRADLEY_TERRY,
    /** Online Elo: one update per battle in time order. */
    ELO
}
