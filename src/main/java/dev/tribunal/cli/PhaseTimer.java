package dev.tribunal.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Seconds spent in each phase of a command, in order, for {@code --timings}. */
final class PhaseTimer {
    private final long start = System.nanoTime();
    private long last = start;
    private final Map<String, Double> seconds = new LinkedHashMap<>();

    /** Ends the phase {@code name} now. */
    void lap(String name) {
        long now = System.nanoTime();
        seconds.put(name, (now - last) / 1e9);
        last = now;
    }

    @Override
    public String toString() {
        double total = (System.nanoTime() - start) / 1e9;
        return seconds.entrySet().stream()
                .map(phase -> String.format(Locale.ROOT, "%s %.3f s", phase.getKey(), phase.getValue()))
                .collect(Collectors.joining(", ")) + String.format(Locale.ROOT, ", total %.3f s", total);
    }
}
