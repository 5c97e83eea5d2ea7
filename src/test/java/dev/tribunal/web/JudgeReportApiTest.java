package dev.tribunal.web;

import static dev.tribunal.web.WebServerTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report card API on the demo: aggregates per judge, in the JSON shape; an unknown judge is a 404. */
class JudgeReportApiTest {

    @TempDir
    static Path dir;

    private static RunningService service;
    private static HttpSession http;

    @BeforeAll
    static void start() {
        service = RunningService.start(dir);
        http = service.newBrowser();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void everyDemoJudgeHasACard() {
        JsonNode all = HttpSession.json(http.get("/api/judges/report"));
        assertThat(all.get("judges")).extracting(c -> c.get("name").asText())
                .containsExactly("bard", "claude", "gpt35", "gpt4", "vicuna-13b");
        JsonNode bard = HttpSession.json(http.get("/api/judges/bard/report"));
        assertThat(bard.get("verdicts_by_position").get("first").asLong()).isEqualTo(1_253);
        assertThat(bard.get("flags")).extracting(JsonNode::asText).contains("position-biased");
        assertThat(bard.get("first_position").get("lower").isNumber()).isTrue();
        // the demo has no labelled pairs and its reviews say nothing of re-asks: measured on none, no share
        assertThat(bard.get("labelled_accuracy").get("of").asLong()).isZero();
        assertThat(bard.get("labelled_accuracy").get("share").isNull()).isTrue();
        assertThat(bard.get("reliability").get("re_ask_rate").get("of").asLong()).isZero();
        // aggregates only: nothing that names one critique
        assertThat(bard.toString()).doesNotContain("critique\"").doesNotContain("sample_id").doesNotContain("round_id");
    }

    @Test
    void anUnknownJudgeIsAProblemInOurWords() {
        assertProblem(http.get("/api/judges/nobody/report"), 404, "No judge named 'nobody'");
    }
}
