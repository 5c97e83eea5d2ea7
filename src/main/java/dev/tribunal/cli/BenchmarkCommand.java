package dev.tribunal.cli;

import dev.tribunal.bench.baseline.BaselineParams;
import dev.tribunal.bench.baseline.BaselineResult;
import dev.tribunal.bench.baseline.BaselineRun;
import dev.tribunal.bench.collective.CollectiveParams;
import dev.tribunal.bench.collective.CollectiveReport;
import dev.tribunal.bench.collective.CollectiveResult;
import dev.tribunal.bench.collective.CollectiveRun;
import dev.tribunal.config.ConfigException;
import dev.tribunal.config.TribunalConfig;
import dev.tribunal.imports.BadInputException;
import dev.tribunal.imports.QuestionSets;
import dev.tribunal.llm.LlmConfig;
import dev.tribunal.llm.LlmGateway;
import dev.tribunal.rating.WeightRule;
import dev.tribunal.store.Database;
import dev.tribunal.store.LlmCallDao;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
        subcommands = {BenchmarkCommand.Baseline.class, BenchmarkCommand.Collective.class})
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

        @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "bootstrap seed (default 42)")
        long seed;

        @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
                description = "where the bundled question sets and answers are (default: data)")
        Path data;

        @Mixin
        RunOptions options;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            Map<String, String> env = System.getenv();
            try {
                Duration lease = options.lease();
                BaselineParams params;
                try {
                    params = new BaselineParams(questionSet, limit, baseline, models, judges, strongWeight, poolJudges,
                            options.rounds(), seed);
                } catch (IllegalArgumentException e) {
                    throw new BadInputException("--strong-weight: " + e.getMessage());
                }
                TribunalConfig configured = config.load(env);
                LlmConfig llm = LlmConfig.parse(configured.llm());
                BaselineResult result;
                try (Database db = Database.open(configured.database().connectionSettings(env), Clock.systemUTC());
                     LlmGateway gateway = new LlmGateway(llm, new LlmCallDao(db));
                     TerminalProgress progress = new TerminalProgress(System.err)) {
                    BaselineRun run = new BaselineRun(db, gateway, new QuestionSets(db, data), lease, Clock.systemUTC());
                    result = run.run(params, options.listener(progress));
                }
                if (!result.boards().isEmpty()) options.write(spec, (format, out) -> format.writeBaseline(result.boards(), out));
                err.println(String.format(Locale.ROOT, "run %d: %s, %d provider calls, cost %.4f", result.runId(),
                        result.state(), result.calls(), result.cost()));
                return RunOptions.failures(err, result.failureMessages());
            } catch (BadInputException | ConfigException e) {
                err.println("tribunal benchmark baseline: " + e.getMessage());
                return 2;
            } finally {
                err.flush();
            }
        }

    }

    /** {@code tribunal benchmark collective}: AutoBench's method, the pool judging itself, resumable. */
    @Command(name = "collective", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
            description = {"The pool (llm.models) writes questions per topic and difficulty, rates them (bad ones and"
                    + " near-duplicates are dropped), answers them, and rates every answer 1-5; judges are weighted by"
                    + " the chosen rule after every iteration. Prints the board (score = weighted mean rating, rating ="
                    + " Bradley-Terry from the answers' pairwise battles), per topic, with weights, cost, latency and"
                    + " each judge's distance from the consensus; stores it (source collective:<run>).",
                    "Resumable: running the same command again makes no call already made. Exit 1 when a provider"
                            + " call failed for good."},
            exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 1)
    static final class Collective implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        ConfigFile config;

        @Option(names = "--models", required = true, split = ",", paramLabel = "A,B,…",
                description = "the pool: models from llm.models, each a contestant and a judge (at least two)")
        List<String> models;

        @Option(names = "--topics", split = ",", paramLabel = "T,…",
                description = "topics to draw from (default: collective.topics)")
        List<String> topics;

        @Option(names = "--difficulties", split = ",", paramLabel = "D,…",
                description = "difficulties to draw from (default: collective.difficulties)")
        List<String> difficulties;

        @Option(names = "--iterations", paramLabel = "N",
                description = "at most N iterations, one kept question each (default: collective.iterations)")
        Integer iterations;

        @Option(names = "--weights", paramLabel = "equal|autobench|peer-rank", defaultValue = "autobench",
                description = "how judges are weighted, updated after every iteration (default autobench)")
        String weights;

        @Option(names = "--allow-self-judging", description = "a model also rates its own question and answer")
        boolean allowSelfJudging;

        @Option(names = "--allow-same-family", description = "a model also rates answers of its own family")
        boolean allowSameFamily;

        @Option(names = "--from-run", paramLabel = "ID", description = "start from this collective run's last weights")
        Long fromRun;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
                description = "seeds the iterations' choices and the bootstrap (default 42)")
        long seed;

        @Mixin
        RunOptions options;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            Map<String, String> env = System.getenv();
            try {
                Duration lease = options.lease();
                WeightRule rule;
                try {
                    rule = WeightRule.parse(weights);
                } catch (IllegalArgumentException e) {
                    throw new BadInputException("--weights: " + e.getMessage());
                }
                TribunalConfig configured = config.load(env);
                CollectiveParams params;
                try {
                    params = CollectiveParams.of(configured.collective(), models, topics, difficulties, iterations,
                            rule, allowSelfJudging, allowSameFamily, fromRun, options.rounds(), seed);
                } catch (IllegalArgumentException e) {
                    throw new BadInputException(e.getMessage());
                }
                LlmConfig llm = LlmConfig.parse(configured.llm());
                CollectiveResult result;
                try (Database db = Database.open(configured.database().connectionSettings(env), Clock.systemUTC());
                     LlmGateway gateway = new LlmGateway(llm, new LlmCallDao(db));
                     TerminalProgress progress = new TerminalProgress(System.err)) {
                    CollectiveRun run = new CollectiveRun(db, gateway, lease, Clock.systemUTC());
                    result = run.run(params, options.listener(progress));
                }
                CollectiveReport report = result.report();
                if (report != null) options.write(spec, (format, out) -> CollectiveTables.write(format, report, out));
                err.println(String.format(Locale.ROOT, "run %d: %s%s, %d provider calls, cost %.4f", result.runId(),
                        result.state(), result.stable() ? " (ranking stable)" : "", result.calls(), result.cost()));
                return RunOptions.failures(err, result.failureMessages());
            } catch (BadInputException | ConfigException e) {
                err.println("tribunal benchmark collective: " + e.getMessage());
                return 2;
            } finally {
                err.flush();
            }
        }

    }

}
