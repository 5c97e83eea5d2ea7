package dev.tribunal.bench.baseline;

import dev.tribunal.rating.Leaderboard;
import java.util.Map;

/**
 * One judge's (or the pooled judges') leaderboard of a run.
 *
 * @param judge        the judge's name, or the judges' names joined by '+' for the pooled board
 * @param source       the battles' source on the models board: {@code baseline:<set>:<judge>:vs:<baseline>}
 * @param plain        Bradley–Terry, score = win-rate against the baseline
 * @param styled       the same with style control (tokens, headers, list items, bold), or null when it cannot be
 *                     fitted
 * @param avgTokens    each model's average answer length in tokens over the run's questions
 * @param judgments    the judge's verdicts on the run's comparisons (both games)
 * @param unparseable  of those, the ones that could not be read (counted, never guessed, left out of the board)
 * @param disagreements comparisons whose two games, read for the same model, disagree (position bias shows here)
 */
public record BaselineBoard(String judge, String source, Leaderboard plain, Leaderboard styled,
                            Map<String, Double> avgTokens, long judgments, long unparseable, long disagreements) {
}
