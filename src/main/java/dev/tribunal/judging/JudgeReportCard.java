package dev.tribunal.judging;

import dev.tribunal.rating.BoardAgreement;
import dev.tribunal.rating.CohenKappa;
import dev.tribunal.rating.Proportion;
import dev.tribunal.rating.ProportionDifference;
import java.util.List;

/**
 * How far one judge can be trusted, measured from the verdicts Tribunal stores: every figure comes with its count
 * and a 95 % interval (null where nothing was measured). Aggregates only: no row of it names a single evaluation.
 *
 * @param verdicts            the judge's verdicts on pairs of answers, any parse status
 * @param verdictsByPosition  parsed verdicts by the position of the answer they prefer (A = shown first)
 * @param positionConsistency pairs judged in both orders whose verdict followed the answers when they swapped
 * @param firstPosition       among decisive verdicts on pairs judged in both orders, the share for whichever
 *                            answer came first (0.5 = unbiased)
 * @param labelledAccuracy    labelled pairs (JudgeBench rows the judge was asked both orders of, or whose file
 *                            decisions were stored for it) correct by JudgeBench's metric, of all such pairs; one
 *                            pair per prompt version it was judged with
 * @param flags               what the card warns about: {@value ReportCards#POSITION_BIASED},
 *                            {@value ReportCards#PREFERS_LONGER}, {@value ReportCards#SELF_PREFERRING},
 *                            {@value ReportCards#FAMILY_PREFERRING}
 */
public record JudgeReportCard(String name, String displayName, String organisation, long verdicts,
                              PositionCounts verdictsByPosition, Share positionConsistency, Share firstPosition,
                              LengthPreference lengthPreference, OwnPreference selfPreference,
                              OwnPreference familyPreference, PeopleAgreement agreementWithPeople,
                              Share labelledAccuracy, Reliability reliability, Standing arena, List<String> flags) {

    /** Parsed verdicts for the first answer, for the second, and ties. */
    public record PositionCounts(long first, long second, long tie) {
    }

    /** k of n, the share k / n and its 95 % Wilson interval; the share and bounds are null when n = 0. */
    public record Share(long count, long of, Double share, Double lower, Double upper) {

        static Share of(Proportion p) {
            return new Share(p.successes(), p.trials(), finite(p.share()), finite(p.lower()), finite(p.upper()));
        }
    }

    /** A difference of two shares with Newcombe's 95 % interval. */
    public record Difference(Double difference, Double lower, Double upper) {

        static Difference of(ProportionDifference d) {
            return new Difference(finite(d.difference()), finite(d.lower()), finite(d.upper()));
        }
    }

    /**
     * @param judge     decisive verdicts on pairs whose lengths differ clearly, won by the longer answer
     * @param reference the same share from {@code referenceKind} on the same pairs
     * @param referenceKind "people" (their labels) or "other judges" (when no person labelled those pairs)
     */
    public record LengthPreference(double longerBy, Share judge, Share reference, String referenceKind,
                                   Difference difference) {
    }

    /**
     * @param models the models counted as the judge's own (its namesake, or its organisation's models)
     * @param judge  this judge's decisive verdicts on pairs with exactly one of them, won by that one
     * @param others the other judges' decisive verdicts on the same pairs, won by that one
     */
    public record OwnPreference(List<String> models, Share judge, Share others, Difference difference) {
    }

    /**
     * @param pairs    the judge's parsed verdicts on pairs people labelled
     * @param accuracy verdicts in the same class as the people's label (first, second or tie)
     * @param kappa    Cohen's kappa over the three classes
     * @param ties     how ties are counted
     * @param boards   the models' boards from the judge's verdicts and from the people's votes on the same pairs
     */
    public record PeopleAgreement(long pairs, Share accuracy, Kappa kappa, String ties, Boards boards) {
    }

    public record Kappa(Double kappa, Double lower, Double upper) {

        static Kappa of(CohenKappa k) {
            return new Kappa(finite(k.kappa()), finite(k.lower()), finite(k.upper()));
        }
    }

    public record Boards(int models, Double spearman, Double spearmanLower, Double spearmanUpper,
                         Double meanAbsoluteDifference, Double madLower, Double madUpper, int bootstrapRounds) {

        static Boards of(BoardAgreement b) {
            return new Boards(b.models(), finite(b.spearman()), finite(b.spearmanLower()), finite(b.spearmanUpper()),
                    finite(b.meanAbsoluteDifference()), finite(b.madLower()), finite(b.madUpper()), b.rounds());
        }
    }

    /**
     * @param parseFailures    verdicts that could not be parsed (or failed), of all
     * @param reAskRate        verdicts whose first reply could not be parsed, so the judge was asked again, of the
     *                         verdicts that record it (arena evaluations and benchmark judgments stored since V12,
     *                         live games on labelled pairs)
     * @param selfConsistency  judgments made more than once (same judge, same answers in the same order, another
     *                         prompt version) whose verdicts all agree
     * @param meanLatencyMs    over the verdicts with a latency (null when none has one)
     * @param meanCost         over the verdicts with a cost
     */
    public record Reliability(Share parseFailures, Share reAskRate, Share selfConsistency, Double meanLatencyMs,
                              long withLatency, Double meanCost, long withCost) {
    }

    /** The judge on its leaderboard: which one, its rating with the 95 % interval, position and rank range. */
    public record Standing(String source, int rank, int rankUb, double rating, Double ratingLower, Double ratingUpper,
                           double battles) {
    }

    static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
