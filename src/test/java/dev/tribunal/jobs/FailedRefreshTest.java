package dev.tribunal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.rating.RatingOptions;
import dev.tribunal.store.BattleRow;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Job;
import dev.tribunal.store.JobState;
import dev.tribunal.store.Snapshot;
import dev.tribunal.store.SnapshotStatus;
import dev.tribunal.web.HttpSession;
import dev.tribunal.web.RunningService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A refresh whose rating fails, as the service and its API see it. */
class FailedRefreshTest {

    @TempDir
    Path dir;

    @Test
    void aFailedRunKeepsTheLastGoodSnapshotAndRecordsTheError() {
        try (RunningService service = RunningService.start(dir)) {
            HttpSession browser = service.newBrowser();
            JsonNode good = HttpSession.json(browser.get("/api/leaderboards/models?source=human"));
            service.db().battles().insert(BattleRow.of(ContestantKind.MODEL, "gpt4", "bard", 1, "human", "generic"));

            // an engine that cannot rate: every changed board fails
            LeaderboardRefresh failing = new LeaderboardRefresh(service.db(), RatingOptions.defaults().withRounds(5),
                    Clock.systemUTC(), (battles, options) -> {
                        throw new IllegalStateException("the fit found no maximum");
                    });
            try (RefreshScheduler scheduler = new RefreshScheduler(failing, service.db(), Duration.ofHours(1),
                    Clock.systemUTC())) {
                RefreshResult result = scheduler.refreshNow();
                assertThat(result.failed()).isPositive();
                assertThat(result.errors()).anySatisfy(e -> assertThat(e).contains("models/human").contains("maximum"));
            }
            Snapshot newest = service.db().snapshots().recent(ContestantKind.MODEL, 1).getFirst();
            assertThat(newest.status()).isEqualTo(SnapshotStatus.FAILED);
            assertThat(newest.error()).contains("maximum");
            Job job = service.db().jobs().recent(1).getFirst();
            assertThat(job.state()).isEqualTo(JobState.FAILED);
            assertThat(job.error()).contains("maximum");

            JsonNode still = HttpSession.json(browser.get("/api/leaderboards/models?source=human"));
            assertThat(still.get("computed_at")).isEqualTo(good.get("computed_at"));
            assertThat(still.get("inputs_hash")).isEqualTo(good.get("inputs_hash"));
            assertThat(still.get("rows")).isEqualTo(good.get("rows"));
        }
    }
}
