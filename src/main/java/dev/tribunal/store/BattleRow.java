package dev.tribunal.store;

import dev.tribunal.rating.AnswerStyle;
import dev.tribunal.rating.Battle;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored battle: the rating engine's {@link Battle} plus where it came from. {@code id} is 0 and
 * {@code createdAt} may be null (= now) until stored.
 *
 * @param kind        whether a and b name models or judges
 * @param source      e.g. "arena", "human", "judge:gpt4", "import:arena-hard"
 * @param voteId      the arena vote (its round id) this battle records, or null
 * @param externalKey unique key for idempotent imports, or null
 */
public record BattleRow(long id, ContestantKind kind, String a, String b, double outcome, double weight, String source,
                        String category, Instant createdAt, AnswerStyle styleA, AnswerStyle styleB, String voteId,
                        String externalKey) {

    public BattleRow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        // the same checks as the rating engine's Battle, so a stored row always converts
        new Battle(a, b, outcome, weight, category, 0, styleA, styleB);
    }

    /** A new battle of weight 1 without style features, time or keys. */
    public static BattleRow of(ContestantKind kind, String a, String b, double outcome, String source, String category) {
        return new BattleRow(0, kind, a, b, outcome, 1, source, category, null, null, null, null, null);
    }

    public BattleRow withExternalKey(String key) {
        return new BattleRow(id, kind, a, b, outcome, weight, source, category, createdAt, styleA, styleB, voteId, key);
    }

    public BattleRow withStyles(AnswerStyle a1, AnswerStyle b1) {
        return new BattleRow(id, kind, a, b, outcome, weight, source, category, createdAt, a1, b1, voteId, externalKey);
    }

    public BattleRow withCreatedAt(Instant at) {
        return new BattleRow(id, kind, a, b, outcome, weight, source, category, at, styleA, styleB, voteId, externalKey);
    }

    BattleRow withVote(String roundId) {
        return new BattleRow(id, kind, a, b, outcome, weight, source, category, createdAt, styleA, styleB, roundId,
                externalKey);
    }

    /** The rating engine's view; its time is {@code createdAt} in epoch milliseconds. */
    public Battle toBattle() {
        return new Battle(a, b, outcome, weight, category, createdAt == null ? 0 : createdAt.toEpochMilli(), styleA,
                styleB);
    }
}
