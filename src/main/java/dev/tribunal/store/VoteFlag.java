package dev.tribunal.store;

/** Why a stored vote is left out of the leaderboards (column {@code votes.flag}); a counted vote has none. */
public enum VoteFlag implements Coded {
    /** Not blind: the voter had already seen the judge of one of the round's critiques named, in an earlier reveal. */
    NOT_BLIND,
    /** Beyond the voter's counted votes in the trailing 24 hours. */
    DAILY_CAP,
    /** Cast sooner after its round was dealt than the two critiques can be read. */
    TOO_FAST,
    /** Its voter's votes, taken together, are too unlikely under the other voters' (the anomalous-voter test). */
    ANOMALOUS,
    /** Voided by an admin: never cleared. */
    VOIDED;

    /** The flag of this code; null for null (a counted vote). */
    public static VoteFlag of(String code) {
        return code == null ? null : Coded.parse(VoteFlag.class, code);
    }
}
