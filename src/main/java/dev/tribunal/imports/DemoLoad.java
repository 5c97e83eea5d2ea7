package dev.tribunal.imports;

/** What one demo load added (all zero when the demo was already loaded). */
public record DemoLoad(int contestants, int samples, int evaluations, int battles) {
}
