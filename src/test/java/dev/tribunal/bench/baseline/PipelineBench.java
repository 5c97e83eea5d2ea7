package dev.tribunal.bench.baseline;

import dev.tribunal.imports.QuestionSets;
import dev.tribunal.llm.LlmConfig;
import dev.tribunal.llm.LlmGateway;
import dev.tribunal.llm.Yaml;
import dev.tribunal.store.Database;
import dev.tribunal.store.LlmCallDao;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The baseline pipeline against the stub provider: QUESTIONS questions of arena-hard-v0.1 × MODELS models (the
 * first is the baseline) and one judge, each reply after LATENCY ms. The models share PARALLEL calls in flight
 * (PARALLEL / MODELS per model endpoint), the judge has PARALLEL. Phases run one after the other, so the bound on
 * the wall time is answers × latency / parallel + judgments × latency / parallel. Prints the wall time against that
 * bound and the heap in use (after a full GC) before and after. Run by {@code scripts/bench-pipeline}.
 * Arguments: questions (500), models (8), latency ms (300), parallel (32).
 */
public final class PipelineBench {

    public static void main(String[] args) throws Exception {
        int questions = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int models = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        long latency = args.length > 2 ? Long.parseLong(args[2]) : 300;
        int parallel = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        if (parallel % models != 0) throw new IllegalArgumentException("parallel must be a multiple of models");
        Path dir = Files.createTempDirectory("bench-pipeline");
        try (BenchStub stub = new BenchStub().latency(latency)) {
            String url = stub.server().baseUrl();
            StringBuilder y = new StringBuilder("llm:\n  endpoints:\n");
            List<String> names = new ArrayList<>();
            for (int i = 0; i < models; i++) {
                String name = i == 0 ? "baseline" : "model-" + i;
                names.add(name);
                y.append(String.format(Locale.ROOT, "    - {name: %s, provider: openai_compatible, base_url: '%s', model: %s,"
                        + " parallel: %d, retries: 0, timeout: PT60S}%n", name, url, name, parallel / models));
            }
            y.append(String.format(Locale.ROOT, "    - {name: judge, provider: openai_compatible, base_url: '%s',"
                    + " model: fair-judge, parallel: %d, retries: 0, timeout: PT60S}%n", url, parallel));
            y.append("  judges:\n    - {name: fair, endpoint: judge}\n  models:\n");
            for (String name : names) y.append("    - {name: ").append(name).append(", endpoint: ").append(name).append("}\n");
            LlmConfig config = Yaml.llmConfig(y.toString());
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("bench.db"));
                 LlmGateway gateway = new LlmGateway(config, new LlmCallDao(db))) {
                QuestionSets sets = new QuestionSets(db, Path.of("data"));
                sets.questions("arena-hard-v0.1", questions);
                BaselineRun pipeline = new BaselineRun(db, gateway, sets, Duration.ofSeconds(60), java.time.Clock.systemUTC());
                // warm up on another set, so that "before" already holds the clients, caches and classes a run builds
                pipeline.run(new BaselineParams("mt-bench", 2, "baseline", names, List.of("fair"), 3, false, 100, 42),
                        RunListener.NONE);
                long heapBefore = heapAfterGc(memory);
                long start = System.nanoTime();
                BaselineResult result = pipeline.run(new BaselineParams("arena-hard-v0.1", questions, "baseline",
                        names, List.of("fair"), 3, false, 100, 42), new RunListener() {
                            @Override
                            public void phaseStarted(long runId, String phase, long done, long total) {
                                System.out.printf(Locale.ROOT, "%6.1f s  %s (%d units)%n",
                                        (System.nanoTime() - start) / 1e9, phase, total);
                            }
                        });
                double wall = (System.nanoTime() - start) / 1e9;
                long heapAfter = heapAfterGc(memory);
                long answers = (long) questions * models;
                long judgments = (long) questions * (models - 1) * 2;
                double bound = (answers + judgments) * latency / 1000.0 / parallel;
                System.out.printf(Locale.ROOT, "questions %d, models %d, latency %d ms, parallel %d%n", questions, models,
                        latency, parallel);
                System.out.printf(Locale.ROOT, "provider calls %d (answers %d + judgments %d), state %s%n",
                        result.calls(), answers, judgments, result.state());
                System.out.printf(Locale.ROOT, "wall time %.1f s, bound calls x latency / parallel = %.1f s, ratio %.3f%n",
                        wall, bound, wall / bound);
                System.out.printf(Locale.ROOT, "heap in use after GC: before %.1f MB, after %.1f MB%n",
                        heapBefore / 1e6, heapAfter / 1e6);
            }
        }
    }

    private static long heapAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
