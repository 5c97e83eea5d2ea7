package dev.tribunal.store;

/**
 * Where a sample came from (codes demo, custom, generated, baseline). {@code baseline}: a comparison of the baseline
 * benchmark (a model's answer and the baseline's on one question) that two or more judges judged; their game-1
 * critiques are its evaluations.
 */
public enum SampleSource implements Coded {
    DEMO, CUSTOM, GENERATED, BASELINE;

    public static SampleSource of(String code) {
        return Coded.parse(SampleSource.class, code);
    }
}
