package dev.tribunal.store;

/**
 * What voiding did.
 *
 * @param matched the votes in scope, now all voided
 * @param newly   how many of them were not voided before
 */
public record VoidedVotes(long matched, long newly) {
}
