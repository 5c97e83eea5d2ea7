package dev.tribunal.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Inputs without a unique maximum-likelihood estimate, and other corners: finite results and a note saying why. */
class EdgeCaseTest {
    private static final RatingOptions WITH_BOOTSTRAP = RatingOptions.defaults().withRounds(50).withThreads(2);

    @Test
    void disconnectedGroupsAreCentredSeparatelyAndSaidSo() {
        List<Battle> battles = new ArrayList<>();
        repeat(battles, "A", "B", 1, 3);
        repeat(battles, "A", "B", 0, 1);
        repeat(battles, "C", "D", 1, 1);
        repeat(battles, "C", "D", 0, 2);
        repeat(battles, "C", "E", 0.5, 2);

        Leaderboard board = RatingEngine.rate(battles, WITH_BOOTSTRAP);

        assertAllFinite(board);
        assertThat(board.row("A").rating() + board.row("B").rating()).isCloseTo(2000, within(1e-9));
        assertThat(board.row("C").rating() + board.row("D").rating() + board.row("E").rating()).isCloseTo(3000, within(1e-9));
        assertThat(board.row("A").rating() - board.row("B").rating()).isCloseTo(400 * Math.log10(3), within(1e-9));
        assertThat(board.notes().getFirst())
                .contains("2 groups that never met").contains("[A, B]").contains("mean 1000");
        // so few battles that many resamples lose every win or every loss of someone: said too
        assertThat(board.notes().getLast()).contains("bootstrap resamples had no maximum-likelihood estimate");

        Leaderboard anchored = RatingEngine.rate(battles, WITH_BOOTSTRAP.withAnchor("D", 1200));
        assertThat(anchored.row("D").rating()).isEqualTo(1200);
        assertThat(anchored.row("A").rating() + anchored.row("B").rating()).isCloseTo(2400, within(1e-9));
        assertThat(anchored.notes().getFirst()).contains("group of D is pinned at D = 1200");
    }

    @Test
    void aContestantThatNeverLosesGetsAFiniteRatingFromTheStatedPrior() {
        List<Battle> battles = new ArrayList<>();
        repeat(battles, "A", "B", 1, 3);
        repeat(battles, "C", "A", 0, 2);
        repeat(battles, "B", "C", 1, 2);
        repeat(battles, "B", "C", 0, 1);

        Leaderboard board = RatingEngine.rate(battles, WITH_BOOTSTRAP);

        assertAllFinite(board);
        assertThat(board.rows().getFirst().name()).isEqualTo("A");
        assertThat(board.notes().getFirst())
                .contains("maximum-likelihood ratings do not exist").contains("never lost: [A]").contains("virtual tie");
        // the prior, not the data, holds A's rating finite: no interval, and the board says so
        assertThat(board.rows()).allSatisfy(row -> assertThat(row.tooLittleInformation()).isTrue());
        assertThat(board.notes().getLast()).contains("too little information").contains("[A, B, C]");
    }

    @Test
    void aContestantThatNeverWinsGetsAFiniteRating() {
        List<Battle> battles = new ArrayList<>();
        repeat(battles, "A", "B", 1, 2);
        repeat(battles, "A", "B", 0.5, 1);
        repeat(battles, "Z", "A", 0, 4);
        repeat(battles, "B", "Z", 1, 1);

        Leaderboard board = RatingEngine.rate(battles, WITH_BOOTSTRAP);

        assertAllFinite(board);
        assertThat(board.rows().getLast().name()).isEqualTo("Z");
        assertThat(board.notes().getFirst()).contains("never won: [Z]");
        assertThat(board.row("Z").tooLittleInformation()).isTrue();
    }

    @Test
    void aSingleBattleIsOneWinPlusTheVirtualTie() {
        Leaderboard board = RatingEngine.rate(List.of(Battle.of("A", "B", 1)), WITH_BOOTSTRAP);

        assertAllFinite(board);
        // A scores 1 + ½ and B ½: the maximum of that is P(A beats B) = 3/4, 400·log10(3) Elo apart
        assertThat(board.row("A").rating() - board.row("B").rating()).isCloseTo(400 * Math.log10(3), within(1e-9));
        assertThat(board.row("A").rating() + board.row("B").rating()).isCloseTo(2000, within(1e-9));
        assertThat(board.notes().getFirst()).contains("never lost: [A]").contains("never won: [B]");
        // every resample is that battle, which would give a zero-width interval: none is shown
        assertThat(board.row("A").ratingLower()).isNaN();
        assertThat(board.row("A").tooLittleInformation()).isTrue();
    }

    @Test
    void allTiesGiveEqualRatings() {
        List<Battle> battles = new ArrayList<>();
        repeat(battles, "A", "B", 0.5, 3);
        repeat(battles, "B", "C", 0.5, 2);
        repeat(battles, "C", "A", 0.5, 1);

        Leaderboard board = RatingEngine.rate(battles, WITH_BOOTSTRAP.withBaseline("A"));

        assertAllFinite(board);
        for (LeaderboardRow row : board.rows()) {
            assertThat(row.rating()).isCloseTo(1000, within(1e-9));
            assertThat(row.score()).isCloseTo(50, within(1e-9));
            assertThat(row.rankUb()).isEqualTo(1);
        }
        assertThat(board.row("B").observedWinRate()).isEqualTo(50);
        assertThat(board.row("C").observedWinRate()).isEqualTo(50);
        // every resample is all ties too: no resample moves a rating, so B and C have too little information
        assertThat(board.row("A").tooLittleInformation()).isFalse();   // the baseline: pinned, not estimated
        assertThat(board.row("B").tooLittleInformation()).isTrue();
        assertThat(board.notes()).singleElement().asString().contains("too little information").contains("[B, C]");
    }

    @Test
    void anAnchorOrBaselineWithoutBattlesIsReportedAndTheMeanUsedInstead() {
        List<Battle> battles = new ArrayList<>();
        repeat(battles, "A", "B", 1, 2);
        repeat(battles, "A", "B", 0, 1);

        Leaderboard board = RatingEngine.rate(battles, WITH_BOOTSTRAP.withAnchor("nobody", 1200).withBaseline("ghost"));

        assertThat(board.row("A").rating() + board.row("B").rating()).isCloseTo(2400, within(1e-9));
        assertThat(board.rows()).allSatisfy(row -> assertThat(row.score()).isNaN());
        assertThat(board.notes()).anySatisfy(note -> assertThat(note).contains("anchor nobody has no battles"))
                .anySatisfy(note -> assertThat(note).contains("baseline ghost has no battles"));
    }

    @Test
    void resamplesWithoutTheAnchorAreLeftOutOfTheIntervals() {
        List<Battle> battles = new ArrayList<>();
        repeat(battles, "A", "B", 1, 30);
        repeat(battles, "A", "B", 0, 20);
        repeat(battles, "anchor", "A", 0.5, 1);   // a resample misses this battle with probability (1 − 1/51)^51 ≈ 0.37

        Leaderboard board = RatingEngine.rate(battles, WITH_BOOTSTRAP.withAnchor("anchor", 1500));

        assertAllFinite(board);
        assertThat(board.row("anchor").rating()).isEqualTo(1500);
        assertThat(board.row("A").rating()).isCloseTo(1500, within(1e-9));
        assertThat(board.row("anchor").ratingLower()).isEqualTo(1500);
        // a single tie with the anchor sets A equal to it in every resample that has it: A shows no interval
        assertThat(board.row("A").tooLittleInformation()).isTrue();
        assertThat(board.row("B").ratingUpper()).isGreaterThan(board.row("B").ratingLower());
        assertThat(board.notes()).anySatisfy(note -> assertThat(note)
                .containsPattern("[0-9]+ of 50 bootstrap resamples had no battle of the anchor anchor"));
    }

    @Test
    void noBattlesGiveAnEmptyLeaderboard() {
        Leaderboard board = RatingEngine.rate(List.of(), RatingOptions.defaults());

        assertThat(board.rows()).isEmpty();
        assertThat(board.notes()).containsExactly("no battles: nothing to rate");
    }

    @Test
    void weightsMultiplyAndSoftOutcomesCountFractionally() {
        List<Battle> counted = new ArrayList<>();
        repeat(counted, "A", "B", 1, 3);
        repeat(counted, "A", "B", 0, 1);
        repeat(counted, "B", "C", 0.5, 2);
        repeat(counted, "C", "A", 1, 1);
        List<Battle> compact = List.of(new Battle("A", "B", 0.75, 4, null, 0, null, null),
                new Battle("C", "B", 0.5, 2, null, 1, null, null), Battle.of("A", "C", 0));

        Leaderboard expected = RatingEngine.rate(counted, RatingOptions.defaults().withRounds(0));
        Leaderboard actual = RatingEngine.rate(compact, RatingOptions.defaults().withRounds(0));

        for (LeaderboardRow row : expected.rows()) {
            assertThat(actual.row(row.name()).rating()).as(row.name()).isCloseTo(row.rating(), within(1e-9));
            assertThat(actual.row(row.name()).battles()).isEqualTo(row.battles());
        }
    }

    @Test
    void onlineEloFollowsTimeAndKeepsInputOrderForEqualTimes() {
        List<Battle> inOrder = List.of(new Battle("A", "B", 1, 1, null, 1, null, null),
                new Battle("B", "C", 1, 1, null, 1, null, null), new Battle("C", "A", 1, 1, null, 2, null, null));
        List<Battle> shuffled = List.of(inOrder.get(2), inOrder.get(0), inOrder.get(1));
        RatingOptions elo = RatingOptions.defaults().withMethod(RatingMethod.ELO).withEloK(32).withRounds(0);

        Leaderboard expected = RatingEngine.rate(inOrder, elo);
        Leaderboard actual = RatingEngine.rate(shuffled, elo);

        assertThat(actual.rows()).isEqualTo(expected.rows());
        // by hand: A beats B (+16, −16), then B (984) beats C (1000), then C beats A (1016)
        double bBeatsC = 32 * (1 - 1 / (1 + Math.pow(10, (1000 - 984) / 400.0)));
        assertThat(expected.row("B").rating()).isCloseTo(984 + bBeatsC, within(1e-12));
    }

    @ParameterizedTest
    @EnumSource(names = {"BRADLEY_TERRY", "ELO"})
    void sameSeedGivesTheSameLeaderboardWithOneOrFourThreads(RatingMethod method) {
        sameSeedSameLeaderboard(RatingOptions.defaults().withMethod(method));
    }

    @Test
    void sameSeedGivesTheSameStyleControlledLeaderboardWithOneOrFourThreads() {
        sameSeedSameLeaderboard(RatingOptions.defaults().withStyleControl(true));
    }

    private static void sameSeedSameLeaderboard(RatingOptions method) {
        BattleSet battles = BattleSet.of(ReferenceData.arenaHardBattlesWithStyle());
        RatingOptions options = method.withRounds(40).withSeed(7).withBaseline(ReferenceData.HAIKU);

        Leaderboard one = RatingEngine.rate(battles, options.withThreads(1));
        Leaderboard four = RatingEngine.rate(battles, options.withThreads(4));
        Leaderboard again = RatingEngine.rate(battles, options.withThreads(4));
        Leaderboard otherSeed = RatingEngine.rate(battles, options.withThreads(4).withSeed(8));

        for (Leaderboard other : List.of(four, again)) {
            assertThat(other.rows()).isEqualTo(one.rows());
            assertThat(other.predicted()).isEqualTo(one.predicted());
            assertThat(other.notes()).isEqualTo(one.notes());
            assertThat(other.style()).isEqualTo(one.style());
        }
        assertThat(otherSeed.rows()).isNotEqualTo(one.rows());
    }

    @Test
    void methodsNeedingWhatTheSetDidNotKeepSayWhat() {
        BattleSet lean = BattleSet.builder().add(Battle.of("A", "B", 1)).build();

        assertThatThrownBy(() -> RatingEngine.rate(lean, RatingOptions.defaults().withMethod(RatingMethod.ELO)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keepRows()");
        assertThatThrownBy(() -> RatingEngine.rate(lean, RatingOptions.defaults().withStyleControl(true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keepStyle()");
        assertThatThrownBy(() -> RatingEngine.rate(List.of(Battle.of("A", "B", 1)), RatingOptions.defaults().withStyleControl(true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("answer styles");
    }

    @Test
    void observedWinRateIsTheWeightedMeanOutcomeAgainstTheBaselineFromEitherSide() {
        List<Battle> battles = List.of(new Battle("base", "A", 0.25, 2, null, 0, null, null),   // A scores 0.75 ×2
                new Battle("A", "base", 0.6, 1, null, 1, null, null),                            // A scores 0.6
                new Battle("A", "B", 1, 5, null, 2, null, null),                                 // not against base
                new Battle("B", "base", 0.1, 1, null, 3, null, null));

        Leaderboard board = RatingEngine.rate(battles, RatingOptions.defaults().withRounds(0).withBaseline("base"));

        assertThat(board.row("A").observedWinRate()).isCloseTo(100 * (2 * 0.75 + 0.6) / 3, within(1e-12));
        assertThat(board.row("B").observedWinRate()).isCloseTo(10, within(1e-12));
        assertThat(board.row("base").observedWinRate()).isNaN();
        assertThat(board.row("A").battles()).isEqualTo(8);
        assertThat(board.row("base").rating()).isEqualTo(1000);
        assertThat(board.row("A").score()).isCloseTo(100 * board.predicted().get("A", "base"), within(1e-12));
    }

    private static void repeat(List<Battle> battles, String a, String b, double outcome, int times) {
        for (int k = 0; k < times; k++) battles.add(new Battle(a, b, outcome, 1, null, battles.size(), null, null));
    }

    /** Finite ratings; an interval either finite around the rating, or absent for a row with too little information. */
    private static void assertAllFinite(Leaderboard board) {
        assertThat(board.rows()).isNotEmpty().allSatisfy(row -> {
            assertThat(row.rating()).isFinite();
            if (row.tooLittleInformation()) {
                assertThat(row.ratingLower()).isNaN();
                assertThat(row.ratingUpper()).isNaN();
            } else {
                assertThat(row.ratingLower()).isFinite().isLessThanOrEqualTo(row.rating());
                assertThat(row.ratingUpper()).isFinite().isGreaterThanOrEqualTo(row.rating());
            }
        });
    }
}
