package dev.tribunal.store;

/** Where a sample came from (codes demo, custom, generated). */
public enum SampleSource implements Coded {
    DEMO, CUSTOM, GENERATED;

    public static SampleSource of(String code) {
        return Coded.parse(SampleSource.class, code);
    }
}
