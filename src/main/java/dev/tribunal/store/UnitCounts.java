package dev.tribunal.store;

/**
 * How far one phase of a run is: its units by state, and the provider calls and cost of the finished ones.
 */
public record UnitCounts(String phase, long pending, long claimed, long done, long failed, long calls, double cost) {

    public long total() {
        return pending + claimed + done + failed;
    }

    public static UnitCounts none(String phase) {
        return new UnitCounts(phase, 0, 0, 0, 0, 0, 0);
    }
}
