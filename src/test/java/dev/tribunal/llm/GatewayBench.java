package dev.tribunal.llm;

import com.sun.management.OperatingSystemMXBean;
import dev.tribunal.judging.Judge;
import dev.tribunal.judging.JudgeVerdict;
import dev.tribunal.llm.stub.OpenAiStubServer;
import dev.tribunal.store.Database;
import dev.tribunal.store.LlmCallDao;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Judge calls through the gateway against the OpenAI stub running in its own process (so its CPU is not ours).
 * Prints calls per second and this process's CPU time per call. Run by {@code scripts/bench-gateway}.
 * Arguments: calls (2000), parallel (64), stub latency ms (200), warm-up calls (3000, so that the JIT has mostly
 * settled; what it still compiles in the window is shown apart).
 */
public final class GatewayBench {

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int parallel = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        long latencyMs = args.length > 2 ? Long.parseLong(args[2]) : 200;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 3000;
        Process stub = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                OpenAiStubServer.class.getName(), Long.toString(latencyMs))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int port = Integer.parseInt(new BufferedReader(new InputStreamReader(stub.getInputStream(),
                StandardCharsets.UTF_8)).readLine().replace("port=", ""));
        Path dir = Files.createTempDirectory("bench-gateway");
        LlmConfig config = Yaml.llmConfig("""
                llm:
                  endpoints:
                    - {name: stub, provider: openai_compatible, base_url: "http://127.0.0.1:%d/v1", model: stub,
                       parallel: %d, timeout: PT30S, retries: 0, price_input_per_million: 1,
                       price_output_per_million: 2}
                  judges:
                    - {name: bench-judge, endpoint: stub}
                """.formatted(port, parallel));
        try (Database database = Database.open("jdbc:sqlite:" + dir.resolve("bench.db"));
             LlmGateway gateway = new LlmGateway(config, new LlmCallDao(database))) {
            Judge judge = new Judge(gateway).withCache(false);
            run(judge, warmup, "warm-up", new long[warmup]);
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            Map<String, Long> threadsBefore = cpuByThreadKind();
            long gcBefore = gcMillis();
            // Heap allocated by every thread (a virtual thread's allocations count on its carrier): steadier than CPU
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long allocatedBefore = threads.getTotalThreadAllocatedBytes();
            long cpuBefore = os.getProcessCpuTime();
            long start = System.nanoTime();
            long[] finished = new long[calls];
            int parsed = run(judge, calls, "measured", finished);
            double seconds = (System.nanoTime() - start) / 1e9;
            long cpuNanos = os.getProcessCpuTime() - cpuBefore;
            long allocated = threads.getTotalThreadAllocatedBytes() - allocatedBefore;
            double cpuMsPerCall = cpuNanos / 1e6 / calls;
            Map<String, Long> threadsAfter = cpuByThreadKind();
            double ceiling = parallel * 1000.0 / latencyMs;
            System.out.printf(Locale.ROOT, "calls            %d judge calls (%d parsed), parallel %d, stub latency %d ms,"
                    + " cache off%n", calls, parsed, parallel, latencyMs);
            System.out.printf(Locale.ROOT, "throughput       %.1f calls/s (%.1f %% of the %.0f/s ceiling parallel/latency;"
                    + " target >= 95 %%)%n", calls / seconds, 100 * calls / seconds / ceiling, ceiling);
            // The whole run ends with a partial wave (2000 / 64 = 31.25), so even a gateway costing nothing reaches
            // only calls / (ceil(calls / parallel) * latency); the steady window leaves out the first and last
            // `parallel` completions (ramp-up and the tail) and is the sustained rate.
            double waveBound = calls / (Math.ceil((double) calls / parallel) * latencyMs / 1000.0);
            System.out.printf(Locale.ROOT, "                 whole run: the partial last wave alone caps it at %.1f/s"
                    + " (%.1f %%)%n", waveBound, 100 * waveBound / ceiling);
            if (calls > 4 * parallel) {
                java.util.Arrays.sort(finished);
                double window = (finished[calls - parallel - 1] - finished[parallel - 1]) / 1e9;
                double steady = (calls - 2 * parallel) / window;
                System.out.printf(Locale.ROOT, "steady window    %.1f calls/s (%.1f %% of the ceiling; completions %d to"
                        + " %d, %.2f s)%n", steady, 100 * steady / ceiling, parallel, calls - parallel, window);
            }
            System.out.printf(Locale.ROOT, "gateway CPU      %.3f ms per call (this process only: prompt, HTTP client,"
                    + " JSON, parsing, ledger row in SQLite; target < 1 ms)%n", cpuMsPerCall);
            long jit = 0;
            for (var e : threadsAfter.entrySet()) {
                long delta = e.getValue() - threadsBefore.getOrDefault(e.getKey(), 0L);
                if (e.getKey().startsWith("JIT")) jit = delta;
                System.out.printf(Locale.ROOT, "  %-30s %.3f ms per call%n", e.getKey(), delta / 1e6 / calls);
            }
            System.out.printf(Locale.ROOT, "gateway CPU      %.3f ms per call without JIT compilation (steady state;"
                    + " GC pauses in the window: %d ms)%n", (cpuNanos - jit) / 1e6 / calls, gcMillis() - gcBefore);
            System.out.printf(Locale.ROOT, "heap allocated   %.1f KB per call%n", allocated / 1024.0 / calls);
        } finally {
            stub.getOutputStream().close();
            stub.waitFor();
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) Files.delete(f);
            }
            Files.delete(dir);
        }
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> b.getCollectionTime()).sum();
    }

    /**
     * CPU time of this JVM's live threads by kind, from /proc/self/task (Linux; clock ticks of 10 ms), which unlike
     * ThreadMXBean also sees the JIT compiler and GC threads. Virtual threads run on the ForkJoinPool carriers.
     */
    private static Map<String, Long> cpuByThreadKind() throws IOException {
        Map<String, Long> byKind = new TreeMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) return byKind;
        try (var dirs = Files.list(tasks)) {
            for (Path task : dirs.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException threadEnded) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
                String kind = name.contains("CompilerThre") ? "JIT compiler (start-up cost)"
                        : name.startsWith("GC Thread") || name.startsWith("G1 ") ? "garbage collector"
                        : name.startsWith("ForkJoinPool") ? "virtual threads (carriers)"
                        : name.startsWith("HttpClient") ? "JDK HttpClient threads" : "other threads";
                byKind.merge(kind, ticks * 10_000_000L, Long::sum);
            }
        }
        return byKind;
    }

    /** Runs the calls at once (the gateway limits them to `parallel`); {@code finished[i]} gets call i's end. */
    private static int run(Judge judge, int calls, String label, long[] finished) throws Exception {
        List<Future<JudgeVerdict>> futures = new ArrayList<>(calls);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < calls; i++) {
                String input = label + " question " + i + ": which answer is right?";
                int call = i;
                futures.add(pool.submit(() -> {
                    JudgeVerdict verdict = judge.evaluatePair("bench-judge", input, "Answer one.", "Answer two.", null);
                    finished[call] = System.nanoTime();
                    return verdict;
                }));
            }
        }
        int parsed = 0;
        for (Future<JudgeVerdict> f : futures) parsed += f.get().parsed() ? 1 : 0;
        return parsed;
    }
}
