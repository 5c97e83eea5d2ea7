package dev.tribunal.store;

/**
 * An arena vote for one judge's critique over the other's (choice A or B), as the anomalous-voter test reads it.
 *
 * @param flag null when the vote counts
 */
public record DecisiveVote(String voterHash, String winner, String loser, VoteFlag flag) {
}
