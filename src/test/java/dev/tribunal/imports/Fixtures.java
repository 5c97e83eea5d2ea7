package dev.tribunal.imports;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The public data copied into src/test/resources/data (each folder with its licence and README.md). */
public final class Fixtures {

    public static final Path ARENA_HARD_BATTLES = path("arena-hard-v0.1/arena_hard_battles_74e8b6f.jsonl");
    public static final Path KO_ARENA_HARD_JUDGMENTS = path("ko-arena-hard-sample/model_judgment");
    public static final Path KO_ARENA_HARD_PUBLISHED = path("ko-arena-hard-sample/published_no_control_sample.csv");
    public static final Path ALPACA_EVAL_ANNOTATIONS = path("alpaca-eval-sample/annotations");
    public static final Path ALPACA_EVAL_PUBLISHED = path("alpaca-eval-sample/published_leaderboard_sample.csv");
    public static final Path LLMFAO_CROWD = path("llmfao/crowd-comparisons.csv");

    private Fixtures() {
    }

    public static Path path(String underData) {
        URL url = Fixtures.class.getResource("/data/" + underData);
        if (url == null) throw new IllegalStateException("no test resource data/" + underData);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
