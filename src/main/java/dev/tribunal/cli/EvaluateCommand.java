package dev.tribunal.cli;

import dev.tribunal.config.ConfigException;
import dev.tribunal.config.TribunalConfig;
import dev.tribunal.judging.Judge;
import dev.tribunal.judging.JudgeVerdict;
import dev.tribunal.llm.LlmConfig;
import dev.tribunal.llm.LlmException;
import dev.tribunal.llm.LlmGateway;
import dev.tribunal.store.Database;
import dev.tribunal.store.LlmCallDao;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tribunal evaluate}: asks one configured judge to grade a response (1–5) or compare two, and prints
 * the verdict and critique. Calls go through the gateway, so they are cached and recorded in {@code llm_calls}.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Asks an LLM judge from the configuration for a verdict and prints it with the critique.",
                "One --response: a 1-5 score against the default rubric. With --response-b: a pairwise verdict"
                        + " (A>>B, A>B, A=B, B>A, B>>A)."},
        exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 1)
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--judge", required = true, paramLabel = "NAME", description = "a judge from llm.judges")
    String judgeName;

    @Option(names = "--input", required = true, paramLabel = "TEXT", description = "the user's input")
    String input;

    @Option(names = "--response", required = true, paramLabel = "TEXT", description = "the response (A when comparing)")
    String response;

    @Option(names = "--response-b", paramLabel = "TEXT", description = "a second response: compare instead of grading")
    String responseB;

    @Option(names = "--reference", paramLabel = "TEXT", description = "a reference answer")
    String reference;

    @Mixin
    ConfigFile config;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> env = System.getenv();
        try {
            TribunalConfig configured = config.load(env);
            LlmConfig llm = LlmConfig.parse(configured.llm());
            try (Database database = Database.open(configured.database().connectionSettings(env), Clock.systemUTC());
                 LlmGateway gateway = new LlmGateway(llm, new LlmCallDao(database))) {
                Judge judge = new Judge(gateway);
                JudgeVerdict verdict = responseB == null
                        ? judge.evaluateSingle(judgeName, input, response, reference, null)
                        : judge.evaluatePair(judgeName, input, response, responseB, reference);
                print(out, verdict);
                return verdict.parsed() ? 0 : 1;
            }
        } catch (ConfigException | IllegalArgumentException e) {
            err.println("tribunal evaluate: " + e.getMessage());
            return 2;
        } catch (LlmException e) {
            err.println("tribunal evaluate: " + e.getMessage());
            return 1;
        }
    }

    private static void print(PrintWriter out, JudgeVerdict v) {
        String result = v.verdict() != null ? "verdict  " + v.verdict().label()
                : v.score() != null ? "score    " + v.score() + " / 5" : "verdict  none: the reply could not be parsed";
        out.println("judge    " + v.judge());
        out.println(result);
        out.println("parse    " + v.parseStatus().code() + " (prompt " + v.promptVersion() + ", " + v.calls()
                + (v.calls() == 1 ? " call)" : " calls)"));
        out.println(String.format(Locale.ROOT, "usage    %d in / %d out tokens, %d ms, cost %.6f", v.inputTokens(),
                v.outputTokens(), v.latencyMs(), v.cost()));
        out.println("critique");
        out.println(v.critique().isBlank() ? v.rawOutput() : v.critique());
        out.flush();
    }
}
