package dev.tribunal.bench.collective;

import dev.tribunal.bench.baseline.RunListener;
import dev.tribunal.config.CollectiveConfig;
import dev.tribunal.llm.LlmGateway;
import dev.tribunal.llm.Yaml;
import dev.tribunal.rating.WeightRule;
import dev.tribunal.store.Database;
import dev.tribunal.store.LlmCallDao;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * The collective pipeline against the stub pool of five models, each reply after LATENCY ms, PARALLEL calls in flight
 * per model. An iteration's stages run one after the other (write, rate the question, answer, rate the answers), so
 * the bound on the wall time is latency × (2 per question written + per kept question 1 + ⌈(n − 1)/PARALLEL⌉):
 * prints the wall time against it, the calls, and the time of a second run of the same command (all from the store
 * and the response cache). Run by {@code scripts/bench-collective}. Arguments: iterations (10), latency ms (200),
 * parallel (2).
 */
public final class CollectiveBench {

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long latency = args.length > 1 ? Long.parseLong(args[1]) : 200;
        int parallel = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path dir = Files.createTempDirectory("bench-collective");
        try (CollectiveStub stub = new CollectiveStub().latency(latency);
             Database db = Database.open("jdbc:sqlite:" + dir.resolve("bench.db"));
             LlmGateway gateway = new LlmGateway(Yaml.llmConfig(Files.readString(stub.config(dir, parallel, ""))),
                     new LlmCallDao(db))) {
            CollectiveConfig config = CollectiveConfig.defaults();
            CollectiveParams params = new CollectiveParams(CollectiveStub.MODELS, config.topics(), config.difficulties(),
                    iterations, WeightRule.AUTOBENCH, false, false, null, config.questionAttempts(),
                    config.minQuestionMean(), config.minQuestionMedian(), config.duplicateSimilarity(), 0, 1, 100, 42);
            CollectiveRun run = new CollectiveRun(db, gateway, Duration.ofSeconds(60), Clock.systemUTC());
            long start = System.nanoTime();
            CollectiveResult result = run.run(params, RunListener.NONE);
            double wall = (System.nanoTime() - start) / 1e9;
            CollectiveReport report = result.report();
            int n = CollectiveStub.MODELS.size();
            int written = report.questionsKept() + report.questionsRejected() + report.duplicates();
            double bound = latency / 1000.0 * (2 * written
                    + report.questionsKept() * (1 + Math.ceil((n - 1) / (double) parallel)));
            System.out.printf(Locale.ROOT, "models %d, iterations %d, latency %d ms, parallel %d per model%n", n,
                    iterations, latency, parallel);
            System.out.printf(Locale.ROOT, "questions written %d (kept %d), provider calls %d, state %s%n", written,
                    report.questionsKept(), result.calls(), result.state());
            System.out.printf(Locale.ROOT, "wall time %.2f s, bound %.2f s, ratio %.3f, overhead %.0f ms per iteration%n",
                    wall, bound, wall / bound, (wall - bound) * 1000 / iterations);
            long again = System.nanoTime();
            CollectiveResult second = run.run(params, RunListener.NONE);
            System.out.printf(Locale.ROOT, "the same run again: %.2f s, %d provider calls, same board: %s%n",
                    (System.nanoTime() - again) / 1e9, second.calls(), second.report().rows().equals(report.rows()));
            System.out.printf(Locale.ROOT, "board: %s%n", String.join(" > ",
                    report.rows().stream().map(CollectiveRow::model).toList()));
        }
    }

    private CollectiveBench() {
    }
}
