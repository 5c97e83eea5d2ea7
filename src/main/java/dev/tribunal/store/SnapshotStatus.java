package dev.tribunal.store;

/** Whether a leaderboard computation succeeded (codes ok, failed). */
public enum SnapshotStatus implements Coded {
    OK, FAILED;

    public static SnapshotStatus of(String code) {
        return Coded.parse(SnapshotStatus.class, code);
    }
}
