package dev.tribunal.store;

/** A contestant is either an answering model or a judge of answers (codes model, judge). */
public enum ContestantKind implements Coded {
    MODEL, JUDGE;

    public static ContestantKind of(String code) {
        return Coded.parse(ContestantKind.class, code);
    }
}
