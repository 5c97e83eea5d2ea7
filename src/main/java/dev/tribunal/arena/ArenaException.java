package dev.tribunal.arena;

/** A request the arena cannot honour, with the reason the web layer turns into a status. */
public final class ArenaException extends RuntimeException {

    public enum Reason { UNKNOWN_ROUND, EXPIRED_ROUND, ALREADY_VOTED, NOT_YOUR_ROUND, NO_MATCHUP, NO_LIVE_JUDGES, JUDGES_FAILED }

    private final Reason reason;

    public ArenaException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
