package dev.tribunal.rating;

import java.util.List;

/**
 * The result of one rating run.
 *
 * @param rows         one row per contestant, by rating descending (ties by name)
 * @param options      the settings used
 * @param totalBattles weighted number of battles rated
 * @param notes        what the engine did beyond the plain method (priors, disconnected graphs, missing anchor…)
 * @param style        the style coefficients, or null without style control
 * @param predicted    the predicted win-rate matrix from the ratings
 * @param converged    the fit of the ratings met its stopping rule; false when Newton's method stopped without it
 *                     (a note says how): then the ratings are its last iterate and may not be the maximum
 */
public record Leaderboard(List<LeaderboardRow> rows, RatingOptions options, double totalBattles,
                          List<String> notes, StyleCoefficients style, WinRateMatrix predicted, boolean converged) {

    public Leaderboard {
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }

    /** The row of {@code name}; throws if there is none. */
    public LeaderboardRow row(String name) {
        for (LeaderboardRow row : rows) {
            if (row.name().equals(name)) return row;
        }
        throw new IllegalArgumentException("no contestant named " + name);
    }
}
