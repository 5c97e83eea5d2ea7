package dev.tribunal.store;

import java.time.Instant;

/**
 * Which battles to read. Null fields do not filter.
 *
 * @param kind     models or judges
 * @param source   an exact source ("human"), or a prefix ending in '*' ("judge:*" = every LLM judge)
 * @param category an exact category
 * @param cutoff   only battles created at or before this instant
 * @param countedOnly leave out the battles of flagged arena votes ({@code votes.flag} set): what the leaderboards rate
 */
public record BattleFilter(ContestantKind kind, String source, String category, Instant cutoff, boolean countedOnly) {

    public BattleFilter(ContestantKind kind, String source, String category, Instant cutoff) {
        this(kind, source, category, cutoff, false);
    }

    public static BattleFilter of(ContestantKind kind) {
        return new BattleFilter(kind, null, null, null);
    }

    public static BattleFilter all() {
        return new BattleFilter(null, null, null, null);
    }

    public BattleFilter withSource(String newSource) {
        return new BattleFilter(kind, newSource, category, cutoff, countedOnly);
    }

    public BattleFilter withCategory(String newCategory) {
        return new BattleFilter(kind, source, newCategory, cutoff, countedOnly);
    }

    public BattleFilter withCutoff(Instant newCutoff) {
        return new BattleFilter(kind, source, category, newCutoff, countedOnly);
    }

    /** Without the battles of flagged votes. */
    public BattleFilter withoutFlaggedVotes() {
        return new BattleFilter(kind, source, category, cutoff, true);
    }
}
