package dev.tribunal.cli;

import dev.tribunal.bench.baseline.BaselineParams;
import dev.tribunal.bench.baseline.BaselineResult;
import dev.tribunal.bench.baseline.BaselineRun;
import dev.tribunal.config.ConfigException;
import dev.tribunal.config.TribunalConfig;
import dev.tribunal.imports.BadInputException;
import dev.tribunal.imports.QuestionSets;
import dev.tribunal.llm.LlmConfig;
import dev.tribunal.llm.LlmGateway;
import dev.tribunal.store.Database;
import dev.tribunal.store.LlmCallDao;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tribunal benchmark}: the benchmarks that make battles from LLMs. */
@Command(name = "benchmark", mixinStandardHelpOptions = true, description = "Runs a benchmark of LLMs.",
        subcommands = BenchmarkCommand.Baseline.class)
public final class BenchmarkCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code tribunal benchmark baseline}: Arena-Hard's method, resumable. */
    @Command(name = "baseline", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
            description = {"Every model answers the question set; each judge compares each answer with the baseline's"
                    + " twice (positions swapped); prints the models' leaderboard against the baseline and stores it"
                    + " (source baseline:<set>:<judge>:vs:<baseline>).",
                    "Resumable: answers, verdicts and every provider reply are in the store, so running the same"
                            + " command again makes no call already made. Exit 1 when a provider call failed for good."},
            exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 1)
    static final class Baseline implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        ConfigFile config;

        @Option(names = "--questions", required = true, paramLabel = "SET",
                description = "a question set: arena-hard-v0.1, mt-bench, or one imported with 'tribunal questions import'")
        String questionSet;

        @Option(names = "--limit", paramLabel = "N", description = "the set's first N questions in file order")
        Integer limit;

        @Option(names = "--baseline", required = true, paramLabel = "MODEL",
                description = "the model every other is compared with (llm.models, or one with imported answers)")
        String baseline;

        @Option(names = "--models", required = true, split = ",", paramLabel = "A,B,…", description = "the models compared")
        List<String> models;

        @Option(names = "--judge", required = true, paramLabel = "J", description = "a judge from llm.judges (repeatable)")
        List<String> judges;

        @Option(names = "--pool-judges", description = "also one board from every judge's verdicts together")
        boolean poolJudges;

        @Option(names = "--strong-weight", paramLabel = "W", defaultValue = "3",
                description = "battles a strong verdict (A>>B, B>>A) counts as (default 3, as Arena-Hard)")
        double strongWeight;

        @Option(names = "--rounds", paramLabel = "N", defaultValue = "100", description = "bootstrap rounds (default 100)")
        int rounds;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "bootstrap seed (default 42)")
        long seed;

        @Option(names = "--output", paramLabel = "table|csv|json", converter = RateCommand.OutputConverter.class,
                defaultValue = "table", description = "table (default), csv or json")
        LeaderboardOutput output;

        @Option(names = "--out", paramLabel = "FILE", description = "write the leaderboards to FILE instead of stdout")
        Path out;

        @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
                description = "where the bundled question sets and answers are (default: data)")
        Path data;

        @Option(names = "--lease", paramLabel = "SECONDS", defaultValue = "60",
                description = "how long a unit of work stays reserved for a process that stopped renewing it"
                        + " (default 60): a killed run's units are taken up again after this")
        long leaseSeconds;

        @Option(names = "--no-progress", description = "no progress bar on stderr")
        boolean noProgress;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            Map<String, String> env = System.getenv();
            try {
                if (leaseSeconds <= 0) throw new BadInputException("--lease must be > 0: " + leaseSeconds);
                if (rounds < 0) throw new BadInputException("--rounds must be >= 0: " + rounds);
                BaselineParams params;
                try {
                    params = new BaselineParams(questionSet, limit, baseline, models, judges, strongWeight, poolJudges,
                            rounds, seed);
                } catch (IllegalArgumentException e) {
                    throw new BadInputException("--strong-weight: " + e.getMessage());
                }
                TribunalConfig configured = config.load(env);
                LlmConfig llm = LlmConfig.parse(configured.llm());
                BaselineResult result;
                try (Database db = Database.open(configured.database().connectionSettings(env), Clock.systemUTC());
                     LlmGateway gateway = new LlmGateway(llm, new LlmCallDao(db));
                     TerminalProgress progress = new TerminalProgress(System.err)) {
                    BaselineRun run = new BaselineRun(db, gateway, new QuestionSets(db, data),
                            Duration.ofSeconds(leaseSeconds), Clock.systemUTC());
                    result = run.run(params, noProgress ? dev.tribunal.bench.baseline.RunListener.NONE : progress);
                }
                write(result, err);
                err.println(String.format(Locale.ROOT, "run %d: %s, %d provider calls, cost %.4f", result.runId(),
                        result.state(), result.calls(), result.cost()));
                if (result.failed()) {
                    err.println(result.failures().size() + " unit(s) failed for good (run the command again to retry them):");
                    result.failureMessages().forEach(m -> err.println("  " + m));
                    return 1;
                }
                return 0;
            } catch (BadInputException | ConfigException e) {
                err.println("tribunal benchmark baseline: " + e.getMessage());
                return 2;
            } finally {
                err.flush();
            }
        }

        private void write(BaselineResult result, PrintWriter err) {
            if (result.boards().isEmpty()) return;
            if (out == null) {
                PrintWriter stdout = spec.commandLine().getOut();
                output.writeBaseline(result.boards(), stdout);
                stdout.flush();
                return;
            }
            try (PrintWriter file = OutputFile.open(out)) {
                output.writeBaseline(result.boards(), file);
            }
        }
    }

}
