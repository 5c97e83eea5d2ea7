package dev.tribunal.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine says when the fit and the bootstrap end, so a caller can time them without a second run. */
class PhaseListenerTest {

    @Test
    void theFitThenTheBootstrapEndOnceEachAndTheBoardIsTheSame() {
        BattleSet battles = BattleSet.of(ReferenceData.arenaHardBattles());
        RatingOptions options = RatingOptions.defaults().withRounds(20).withBaseline(ReferenceData.HAIKU);
        List<PhaseListener.Phase> ended = new ArrayList<>();

        Leaderboard board = RatingEngine.rate(battles, options, ended::add);

        assertThat(ended).containsExactly(PhaseListener.Phase.FIT, PhaseListener.Phase.BOOTSTRAP);
        assertThat(ended).extracting(PhaseListener.Phase::label).containsExactly("fit", "bootstrap");
        assertThat(board).isEqualTo(RatingEngine.rate(battles, options));
    }

    @Test
    void withoutRoundsTheBootstrapEndsAtOnceAfterTheFit() {
        List<PhaseListener.Phase> ended = new ArrayList<>();

        RatingEngine.rate(BattleSet.of(ReferenceData.arenaHardBattles()), RatingOptions.defaults().withRounds(0), ended::add);

        assertThat(ended).containsExactly(PhaseListener.Phase.FIT, PhaseListener.Phase.BOOTSTRAP);
    }
}
