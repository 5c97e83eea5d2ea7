package dev.tribunal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A problem quotes at most a short excerpt of what the client sent, on every route that quotes it at all. */
class ShortProblemsTest {

    @TempDir
    Path dir;

    @Test
    void longParametersAreNotEchoedBack() {
        String x = "x".repeat(3_000);
        try (RunningService service = RunningService.start(dir)) {
            HttpSession browser = service.newBrowser();
            for (String path : new String[] {"/api/rounds/" + x, "/api/leaderboards/judges?source=" + x,
                    "/api/leaderboards/judges?source=arena&category=" + x, "/api/leaderboards/judges?format=" + x,
                    "/api/samples?page=" + x.replace('x', '9')}) {
                HttpResponse<String> response = browser.get(path);
                assertThat(response.statusCode()).as(path.substring(0, 30)).isBetween(400, 499);
                assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                assertThat(response.body().length()).as(path.substring(0, 30)).isLessThan(800);
            }
        }
    }
}
