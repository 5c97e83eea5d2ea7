package dev.tribunal.store;

/**
 * A person's label on two answers (a {@code pair_labels} row with its sample's shape).
 *
 * @param outcome for A (shown first): 1 = A is better, 0 = B, 0.5 = a tie
 */
public record StoredLabel(PairShape pair, double outcome, String source) {
}
