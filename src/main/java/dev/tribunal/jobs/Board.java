package dev.tribunal.jobs;

import dev.tribunal.store.ContestantKind;

/**
 * One leaderboard: the battles of one kind of contestant from one source, in one category (null = all).
 * Judges are rated from arena votes (source "arena"); models from each source of model battles ("human",
 * "judge:gpt4", …).
 */
public record Board(ContestantKind kind, String source, String category) {
}
