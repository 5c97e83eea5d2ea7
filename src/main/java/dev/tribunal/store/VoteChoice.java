package dev.tribunal.store;

/** What an arena voter chose: judge A's critique, judge B's, a tie, or both bad (codes A, B, tie, both_bad). */
public enum VoteChoice implements Coded {
    A, B, TIE, BOTH_BAD;

    @Override
    public String code() {
        return this == A || this == B ? name() : Coded.super.code();
    }

    public static VoteChoice of(String code) {
        return Coded.parse(VoteChoice.class, code);
    }
}
