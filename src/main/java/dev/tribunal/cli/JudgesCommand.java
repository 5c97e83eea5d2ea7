package dev.tribunal.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tribunal.config.ConfigException;
import dev.tribunal.config.TribunalConfig;
import dev.tribunal.imports.BadInputException;
import dev.tribunal.imports.JudgeBenchReader;
import dev.tribunal.judging.Judge;
import dev.tribunal.judging.JudgeBenchPair;
import dev.tribunal.judging.JudgeReportCard;
import dev.tribunal.judging.LabelledJudges;
import dev.tribunal.judging.LabelledAccuracy;
import dev.tribunal.judging.ReportCards;
import dev.tribunal.llm.LlmConfig;
import dev.tribunal.llm.LlmGateway;
import dev.tribunal.store.Database;
import dev.tribunal.store.LlmCallDao;
import dev.tribunal.store.StoredVerdict;
import dev.tribunal.web.ApiJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tribunal judges}: how far each judge can be trusted. */
@Command(name = "judges", mixinStandardHelpOptions = true, description = "Measures the judges.",
        subcommands = {JudgesCommand.Report.class, JudgesCommand.Accuracy.class})
public final class JudgesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code tribunal judges report}: every judge's report card from the store. */
    @Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
            description = {"Prints each judge's report card from the verdicts in the store: verdicts by position,"
                    + " position consistency and first-position preference, length preference, self- and"
                    + " family preference, agreement with people, reliability, arena rating; each with its count"
                    + " and 95 %% interval. With the default configuration the demo is loaded first, as serve does."},
            exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 1)
    static final class Report implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        ConfigFile config;

        @Option(names = "--source", paramLabel = "all|arena|benchmark|labelled", defaultValue = "all",
                description = "which verdicts: arena evaluations, benchmark judgments, games on labelled pairs"
                        + " (tribunal judges accuracy), or all (default)")
        String source;

        @Option(names = "--output", paramLabel = "table|csv|json", defaultValue = "table",
                description = "table (default), csv or json ({\"judges\": [...]})")
        String output;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            TribunalConfig loaded;
            String origin;
            try {
                origin = origin(source);
                if (!List.of("table", "csv", "json").contains(output)) {
                    throw new IllegalArgumentException("--output must be table, csv or json, not '" + output + "'");
                }
                loaded = config.load(System.getenv());
            } catch (IllegalArgumentException | ConfigException e) {
                err.println("tribunal judges report: " + e.getMessage());
                err.flush();
                return spec.exitCodeOnInvalidInput();
            }
            Map<String, String> env = System.getenv();
            try (Database db = Database.open(loaded.database().connectionSettings(env), Clock.systemUTC())) {
                if (loaded.demo().load()) err.println(DemoData.load(db, loaded.demo().directory()));
                List<JudgeReportCard> cards = new ReportCards(db, origin).all();
                switch (output) {
                    case "json" -> out.println(json(Map.of("judges", cards)));
                    case "csv" -> csv(cards, out);
                    default -> table(cards, out);
                }
            }
            out.flush();
            err.flush();
            return 0;
        }

        private static String origin(String source) {
            return switch (source) {
                case "all" -> null;
                case "arena" -> StoredVerdict.ARENA;
                case "benchmark" -> StoredVerdict.BENCHMARK;
                case "labelled" -> StoredVerdict.LABELLED;
                default -> throw new IllegalArgumentException("--source must be all, arena, benchmark or labelled, not '"
                        + source + "'");
            };
        }
    }

    /** {@code tribunal judges accuracy FILE…}: JudgeBench's metric on its published output files. */
    @Command(name = "accuracy", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
            description = {"Accuracy on labelled pairs by JudgeBench's metric, from JudgeBench output files (JSON Lines):"
                    + " per pair both games are brought back to the pair's orientation and score +1 when they match"
                    + " the label, -1 when they contradict it, 0 for a tie or no decision; the pair is correct when"
                    + " the sum is positive. Reported per judge model and per source group (knowledge, reasoning,"
                    + " math, coding) with 95 %% intervals, beside the pairs whose two games agree and the share of"
                    + " decisive games for the answer shown first (flag position-biased when its interval excludes"
                    + " 50 %%). With --judge, a configured live judge is asked both orders of each pair instead"
                    + " (stored, cached and resumable); its games count on its report card."},
            exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 1)
    static final class Accuracy implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "JudgeBench output files (.jsonl)")
        List<Path> files;

        @Option(names = "--judge", paramLabel = "J",
                description = "ask this judge from llm.judges both orders of each pair (repeatable); a game already"
                        + " stored for it is not asked again")
        List<String> judges;

        @Option(names = "--store", description = "without --judge: store the files' decisions of judge models that"
                + " name a known judge, so that its report card counts them")
        boolean store;

        @Mixin
        ConfigFile config;

        @Option(names = "--output", paramLabel = "table|json", defaultValue = "table", description = "table (default) or json")
        String output;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                if (!List.of("table", "json").contains(output)) {
                    throw new IllegalArgumentException("--output must be table or json, not '" + output + "'");
                }
                if (store && judges != null) {
                    throw new IllegalArgumentException("--store stores the files' own decisions; with --judge the"
                            + " judge's games are stored anyway");
                }
                List<JudgeBenchPair> pairs = new JudgeBenchReader().read(files);
                List<String> failures = new ArrayList<>();
                if (judges != null) {
                    pairs = ask(pairs, err, failures);
                } else if (store) {
                    store(pairs, err);
                }
                List<LabelledAccuracy.Row> rows = LabelledAccuracy.of(pairs);
                if (output.equals("json")) {
                    out.println(json(Map.of("accuracy", rows)));
                } else {
                    out.printf(Locale.ROOT, "%-40s %-12s %7s %8s %9s %-16s %10s %-22s %s%n", "judge", "group", "pairs",
                            "correct", "accuracy", " 95% interval", "consistent", "first position [95%]", "flags");
                    for (LabelledAccuracy.Row r : rows) {
                        out.printf(Locale.ROOT, "%-40s %-12s %7d %8d %8.2f%% %-16s %10d %-22s %s%n", r.judge(), r.group(),
                                r.pairs(), r.correct(), r.accuracy(),
                                String.format(Locale.ROOT, " [%.2f, %.2f]", r.lower(), r.upper()), r.consistent(),
                                shareWithInterval(r.firstPosition()), r.flags().isEmpty() ? "-" : String.join(", ", r.flags()));
                    }
                }
                out.flush();
                if (!failures.isEmpty()) {
                    err.println(failures.size() + " game(s) failed for good (run the command again to ask them again):");
                    failures.forEach(f -> err.println("  " + f));
                    err.flush();
                    return 1;
                }
                return 0;
            } catch (BadInputException | IllegalArgumentException | ConfigException e) {
                err.println("tribunal judges accuracy: " + e.getMessage());
                err.flush();
                return spec.exitCodeOnInvalidInput();
            }
        }

        /** Every pair once per judge, with that judge's stored games as its decisions. */
        private List<JudgeBenchPair> ask(List<JudgeBenchPair> pairs, PrintWriter err, List<String> failures) {
            Map<String, String> env = System.getenv();
            TribunalConfig loaded = config.load(env);
            LlmConfig llm = LlmConfig.parse(loaded.llm());
            for (String j : judges) {
                if (llm.judge(j).isEmpty()) {
                    throw new IllegalArgumentException("--judge: no judge named '" + j + "' in llm.judges");
                }
            }
            List<JudgeBenchPair> judged = new ArrayList<>();
            try (Database db = Database.open(loaded.database().connectionSettings(env), Clock.systemUTC());
                 LlmGateway gateway = new LlmGateway(llm, new LlmCallDao(db))) {
                LabelledJudges asker = new LabelledJudges(db, new Judge(gateway));
                for (String j : judges.stream().distinct().toList()) {
                    LabelledJudges.Asked asked = asker.ask(j, pairs);
                    judged.addAll(asked.pairs());
                    failures.addAll(asked.failures());
                    err.println(String.format(Locale.ROOT, "%s: %d pairs, %d provider calls, cost %.4f", j,
                            asked.pairs().size(), asked.providerCalls(), asked.cost()));
                }
            }
            err.flush();
            return judged;
        }

        private void store(List<JudgeBenchPair> pairs, PrintWriter err) {
            Map<String, String> env = System.getenv();
            TribunalConfig loaded = config.load(env);
            try (Database db = Database.open(loaded.database().connectionSettings(env), Clock.systemUTC())) {
                Set<String> unknown = new TreeSet<>();
                int added = new LabelledJudges(db, null).storeDecisions(pairs, unknown);
                err.println("stored " + added + " new game(s) for the report card"
                        + (unknown.isEmpty() ? "" : "; judge models that name no known judge, not stored: "
                        + String.join(", ", unknown)));
            }
            err.flush();
        }
    }

    private static String json(Object value) {
        ObjectMapper mapper = ApiJson.mapper();
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String[] COLUMNS = {"name", "verdicts", "first", "second", "tie", "first_position",
        "first_position_lower", "first_position_upper", "position_consistency", "longer_wins", "longer_wins_reference",
        "self_preference", "self_preference_lower", "self_preference_upper", "accuracy_vs_people", "kappa",
        "spearman", "mean_abs_rating_difference", "labelled_accuracy", "labelled_accuracy_lower", "labelled_accuracy_upper",
        "labelled_pairs", "parse_failures", "re_ask_rate", "re_ask_rate_lower", "re_ask_rate_upper", "arena_rating",
        "flags"};

    private static void csv(List<JudgeReportCard> cards, PrintWriter out) {
        try {
            CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(COLUMNS).get().print(out);
            for (JudgeReportCard c : cards) {
                JudgeReportCard.PeopleAgreement p = c.agreementWithPeople();
                csv.printRecord(c.name(), c.verdicts(), c.verdictsByPosition().first(), c.verdictsByPosition().second(),
                        c.verdictsByPosition().tie(), c.firstPosition().share(), c.firstPosition().lower(),
                        c.firstPosition().upper(), c.positionConsistency().share(),
                        c.lengthPreference() == null ? null : c.lengthPreference().judge().share(),
                        c.lengthPreference() == null ? null : c.lengthPreference().reference().share(),
                        c.selfPreference() == null ? null : c.selfPreference().difference().difference(),
                        c.selfPreference() == null ? null : c.selfPreference().difference().lower(),
                        c.selfPreference() == null ? null : c.selfPreference().difference().upper(),
                        p.accuracy().share(), p.kappa().kappa(), p.boards() == null ? null : p.boards().spearman(),
                        p.boards() == null ? null : p.boards().meanAbsoluteDifference(),
                        c.labelledAccuracy().share(), c.labelledAccuracy().lower(), c.labelledAccuracy().upper(),
                        c.labelledAccuracy().of(), c.reliability().parseFailures().count(),
                        reAsk(c) == null ? null : reAsk(c).share(), reAsk(c) == null ? null : reAsk(c).lower(),
                        reAsk(c) == null ? null : reAsk(c).upper(), c.arena() == null ? null : c.arena().rating(),
                        String.join(" ", c.flags()));
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JudgeReportCard.Share reAsk(JudgeReportCard c) {
        return c.reliability().reAskRate();
    }

    private static void table(List<JudgeReportCard> cards, PrintWriter out) {
        out.printf(Locale.ROOT, "%-14s %8s %17s %22s %12s %10s %16s %8s %7s %22s %8s  %s%n", "judge", "verdicts",
                "first/second/tie", "first position [95%]", "consistent", "longer", "self pref [95%]", "vs people",
                "kappa", "labelled [95%]", "re-asked", "flags");
        for (JudgeReportCard c : cards) {
            JudgeReportCard.PositionCounts n = c.verdictsByPosition();
            out.printf(Locale.ROOT, "%-14s %8d %17s %22s %12s %10s %16s %8s %7s %22s %8s  %s%n", c.name(), c.verdicts(),
                    n.first() + "/" + n.second() + "/" + n.tie(), shareWithInterval(c.firstPosition()),
                    percent(c.positionConsistency().share()),
                    c.lengthPreference() == null ? "-" : percent(c.lengthPreference().judge().share()),
                    c.selfPreference() == null ? "-" : difference(c.selfPreference().difference()),
                    percent(c.agreementWithPeople().accuracy().share()), number(c.agreementWithPeople().kappa().kappa()),
                    shareWithInterval(c.labelledAccuracy()), reAsk(c) == null ? "-" : percent(reAsk(c).share()),
                    c.flags().isEmpty() ? "-" : String.join(", ", c.flags()));
        }
    }

    private static String shareWithInterval(JudgeReportCard.Share s) {
        if (s.share() == null) return "-";
        return String.format(Locale.ROOT, "%.1f%% [%.1f, %.1f]", 100 * s.share(), 100 * s.lower(), 100 * s.upper());
    }

    private static String difference(JudgeReportCard.Difference d) {
        if (d.difference() == null) return "-";
        return String.format(Locale.ROOT, "%+.0f [%+.0f, %+.0f]", 100 * d.difference(), 100 * d.lower(), 100 * d.upper());
    }

    private static String percent(Double x) {
        return x == null ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * x);
    }

    private static String number(Double x) {
        return x == null ? "-" : String.format(Locale.ROOT, "%.2f", x);
    }
}
