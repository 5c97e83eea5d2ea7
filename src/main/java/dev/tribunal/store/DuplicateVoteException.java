package dev.tribunal.store;

/** The round already has its vote; the database enforces one vote per round. Nothing was written. */
public final class DuplicateVoteException extends DuplicateKeyException {

    private final String roundId;

    public DuplicateVoteException(String roundId) {
        super("round " + roundId + " already has a vote", null);
        this.roundId = roundId;
    }

    public String roundId() {
        return roundId;
    }
}
