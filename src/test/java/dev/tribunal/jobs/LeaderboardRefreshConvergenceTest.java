package dev.tribunal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tribunal.rating.Leaderboard;
import dev.tribunal.rating.RatingEngine;
import dev.tribunal.rating.RatingOptions;
import dev.tribunal.store.BattleRow;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import dev.tribunal.store.Snapshot;
import dev.tribunal.store.SnapshotRow;
import dev.tribunal.store.SnapshotStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11: a fit that did not converge, and rows without an interval, as stored snapshots. */
class LeaderboardRefreshConvergenceTest {
    private static final RatingOptions OPTIONS = RatingOptions.defaults().withRounds(20).withThreads(1);

    @TempDir
    Path dir;

    /** A board whose fit stopped short of the maximum was stored as a good snapshot. */
    @Test
    void aBoardWhoseFitDidNotConvergeIsStoredAsFailedWithTheReason() {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("t.db"))) {
            battles(db, 10);
            LeaderboardRefresh refresh = new LeaderboardRefresh(db, OPTIONS, Clock.systemUTC(), (set, options) -> {
                Leaderboard board = RatingEngine.rate(set, options);
                List<String> notes = new ArrayList<>(board.notes());
                notes.add("the Bradley–Terry fit did not converge: it stopped after 200 iterations");
                return new Leaderboard(board.rows(), board.options(), board.totalBattles(), notes, board.style(),
                        board.predicted(), false);
            });

            RefreshResult result = refresh.run();

            assertThat(result.failed()).isPositive();
            assertThat(result.errors()).allSatisfy(error -> assertThat(error).contains("did not converge"));
            Snapshot stored = db.snapshots().recent(ContestantKind.MODEL, 1).getFirst();
            assertThat(stored.status()).isEqualTo(SnapshotStatus.FAILED);
            assertThat(stored.error()).contains("did not converge");
            assertThat(db.snapshots().latestOk(ContestantKind.MODEL, "human", null)).isEmpty();
        }
    }

    /** A single battle gave zero-width intervals; now the rows carry none (null), never NaN or zero width. */
    @Test
    void rowsWithTooLittleInformationAreStoredWithoutAnInterval() {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("t.db"))) {
            battles(db, 1);

            new LeaderboardRefresh(db, OPTIONS, Clock.systemUTC()).run();

            Snapshot stored = db.snapshots().latestOk(ContestantKind.MODEL, "human", null).orElseThrow();
            List<SnapshotRow> rows = db.snapshots().rows(stored.id());
            assertThat(rows).hasSize(2).allSatisfy(row -> {
                assertThat(row.ratingLower()).isNull();
                assertThat(row.ratingUpper()).isNull();
                assertThat(row.rankUb()).isEqualTo(1);
            });
        }
    }

    /** The human-agreement board's ten battles per human label were bootstrapped as independent battles. */
    @Test
    void theHumanAgreementBoardResamplesSamplesNotBattles() {
        String[] judges = {"j1", "j2", "j3", "j4", "j5"};
        double[] skill = {0.9, 0.8, 0.7, 0.6, 0.5};
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        List<BattleRow> rows = new ArrayList<>();
        for (int q = 0; q < 60; q++) {
            boolean[] right = new boolean[judges.length];
            for (int j = 0; j < judges.length; j++) right[j] = random.nextDouble() < skill[j];
            for (int j = 0; j < judges.length; j++) {
                for (int k = j + 1; k < judges.length; k++) {
                    double outcome = right[j] == right[k] ? 0.5 : right[j] ? 1 : 0;
                    String sample = "prd:q" + q + ":m1:m2";
                    rows.add(BattleRow.of(ContestantKind.JUDGE, judges[j], judges[k], outcome, "human-agreement", null)
                            .withExternalKey("prd:agree:" + judges[j] + ":" + judges[k] + ":" + sample));
                    rows.add(BattleRow.of(ContestantKind.JUDGE, judges[j], judges[k], outcome, "as-if-independent", null));
                }
            }
        }
        assertThat(LeaderboardRefresh.sampleOf(rows.getFirst())).isEqualTo("prd:q0:m1:m2");
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("t.db"))) {
            db.battles().insertAll(rows);

            new LeaderboardRefresh(db, OPTIONS.withRounds(200), Clock.systemUTC()).run();

            Snapshot clustered = db.snapshots().latestOk(ContestantKind.JUDGE, "human-agreement", null).orElseThrow();
            Snapshot independent = db.snapshots().latestOk(ContestantKind.JUDGE, "as-if-independent", null).orElseThrow();
            SnapshotRow best = db.snapshots().rows(clustered.id()).stream().filter(r -> r.contestant().equals("j1")).findFirst().orElseThrow();
            SnapshotRow same = db.snapshots().rows(independent.id()).stream().filter(r -> r.contestant().equals("j1")).findFirst().orElseThrow();
            assertThat(best.rating()).isEqualTo(same.rating());
            assertThat(best.ratingUpper() - best.ratingLower()).isGreaterThan(1.3 * (same.ratingUpper() - same.ratingLower()));
        }
    }

    private static void battles(Database db, int count) {
        List<BattleRow> rows = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            rows.add(BattleRow.of(ContestantKind.MODEL, "m1", "m2", k % 3 == 0 ? 0 : 1, "human", null));
        }
        db.battles().insertAll(rows);
    }
}
