package dev.tribunal.store;

/** The life of a long-running job (codes queued, running, done, failed). */
public enum JobState implements Coded {
    QUEUED, RUNNING, DONE, FAILED;

    public static JobState of(String code) {
        return Coded.parse(JobState.class, code);
    }
}
