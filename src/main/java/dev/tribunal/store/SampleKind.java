package dev.tribunal.store;

/** A sample shows one response, graded with a score, or two, compared with a verdict (codes single, pair). */
public enum SampleKind implements Coded {
    SINGLE, PAIR;

    public static SampleKind of(String code) {
        return Coded.parse(SampleKind.class, code);
    }
}
