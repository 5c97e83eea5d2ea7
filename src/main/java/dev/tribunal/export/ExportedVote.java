package dev.tribunal.export;

import java.time.Instant;

/**
 * One vote as it leaves Tribunal: what was shown, what the voter chose, and who the judges were. The voter is
 * only {@code voterKey}, an opaque key (the stored voter hash) that {@link VoteExport} replaces with a
 * pseudonym before anything is written. {@code flag} says why the vote is left out of the leaderboards
 * (too_fast, not_blind, daily_cap, anomalous, voided), null when it counts.
 */
public record ExportedVote(Instant time, String voterKey, String choice, String category, String sampleKind,
                           String input, String response, String responseA, String responseB, String reference,
                           String model, String modelA, String modelB,
                           Judgement judgeA, Judgement judgeB, String flag) {

    /** A counted vote. */
    public ExportedVote(Instant time, String voterKey, String choice, String category, String sampleKind,
                        String input, String response, String responseA, String responseB, String reference,
                        String model, String modelA, String modelB, Judgement judgeA, Judgement judgeB) {
        this(time, voterKey, choice, category, sampleKind, input, response, responseA, responseB, reference, model,
                modelA, modelB, judgeA, judgeB, null);
    }

    /**
     * One judge's part: who, and what it said. {@code withheld}: the critique can still be dealt in the arena, so
     * what it said (verdict, score, critique: null here) is not published next to its judge's name.
     */
    public record Judgement(String name, String organisation, String verdict, Integer score, String critique,
                            boolean withheld) {

        public Judgement(String name, String organisation, String verdict, Integer score, String critique) {
            this(name, organisation, verdict, score, critique, false);
        }

        public static Judgement withheld(String name, String organisation) {
            return new Judgement(name, organisation, null, null, null, true);
        }

        /**
         * The position the verdict prefers, so that others can recompute the judge report card: "first" (A>>B,
         * A>B: response A as shown), "second" (B>A, B>>A), "tie" (A=B); null without a verdict, and so when withheld.
         */
        public String preferredPosition() {
            if (verdict == null) return null;
            return switch (verdict) {
                case "A>>B", "A>B" -> "first";
                case "B>A", "B>>A" -> "second";
                case "A=B" -> "tie";
                default -> null;
            };
        }
    }

    /** The winning judge's name, or "tie" / "both_bad". */
    public String winner() {
        return switch (choice) {
            case "A" -> judgeA.name();
            case "B" -> judgeB.name();
            default -> choice;
        };
    }
}
