package dev.tribunal.cli;

import dev.tribunal.imports.BadInputException;
import dev.tribunal.imports.BattleFormat;
import dev.tribunal.imports.BattleHandoff;
import dev.tribunal.imports.BattleImporter;
import dev.tribunal.imports.ImportCounts;
import dev.tribunal.imports.ImportSettings;
import dev.tribunal.imports.StyleTable;
import dev.tribunal.rating.Battle;
import dev.tribunal.rating.BattleSet;
import dev.tribunal.rating.ClusterBy;
import dev.tribunal.rating.IntervalMethod;
import dev.tribunal.rating.JudgeWeights;
import dev.tribunal.rating.JudgedBattle;
import dev.tribunal.rating.Leaderboard;
import dev.tribunal.rating.PhaseListener;
import dev.tribunal.rating.RatingEngine;
import dev.tribunal.rating.RatingMethod;
import dev.tribunal.rating.RatingOptions;
import dev.tribunal.rating.WeightRule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code tribunal rate FILE|DIR…}: rates the battles in other systems' files and prints the leaderboard. */
@Command(name = "rate", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Rates the battles in other systems' files and prints the leaderboard.",
                "Reads Arena-Hard judgments and battle files, Chatbot Arena clean battles, AlpacaEval annotations"
                        + " (.json, .json.gz) and CSV (model_a, model_b, winner or left, right, winner); each file's"
                        + " format is told from its name and first record unless --format is given. --format prd reads"
                        + " a PRD Vicuna-80 directory's LLM reviews."},
        exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 1)
public final class RateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "files, or directories read recursively")
    List<Path> inputs;

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "auto (default), arena-hard, battles, alpaca-eval, csv or prd (a PRD Vicuna-80 directory)")
    BattleFormat format;

    @Option(names = "--baseline", paramLabel = "NAME",
            description = "score = win-rate against this model, which is also pinned at 1000 unless --anchor says otherwise;"
                    + " required for Arena-Hard judgments (the model that is A in game 1)")
    String baseline;

    @Option(names = "--anchor", paramLabel = "NAME=RATING", converter = AnchorConverter.class,
            description = "pin NAME at RATING (default: the baseline at 1000, else a mean of 1000)")
    Anchor anchor;

    @Option(names = "--method", paramLabel = "bt|elo", converter = MethodConverter.class, defaultValue = "bt",
            description = "Bradley-Terry (default) or online Elo in time order")
    RatingMethod method;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "100", description = "bootstrap rounds (default 100)")
    int rounds;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "bootstrap seed (default 42)")
    long seed;

    @Option(names = "--style-control", description = "control for answer length and markdown (Bradley-Terry only)")
    boolean styleControl;

    @Option(names = "--style-file", paramLabel = "FILE",
            description = "answer styles by (question_id, model): JSON lines {question_id, model, tokens, headers,"
                    + " list_items, bold}, or Arena-Hard answers with 'metadata'")
    List<Path> styleFiles = new ArrayList<>();

    @Option(names = "--category", paramLabel = "NAME", description = "rate only the battles of this category")
    String category;

    @Option(names = "--elo-k", paramLabel = "K", defaultValue = "4", description = "K of online Elo (default 4)")
    double eloK;

    @Option(names = "--strong-weight", paramLabel = "W", defaultValue = "3",
            description = "weight of a strong Arena-Hard verdict, A>>B or B>>A (default 3)")
    double strongWeight;

    @Option(names = "--output", paramLabel = "table|csv|json", converter = OutputConverter.class, defaultValue = "table",
            description = "table (default), csv (Arena-Hard's columns) or json (the whole leaderboard)")
    LeaderboardOutput output;

    @Option(names = "--out", paramLabel = "FILE", description = "write the leaderboard to FILE instead of stdout")
    Path out;

    @Option(names = "--skip-bad", description = "count and skip malformed records instead of stopping at the first")
    boolean skipBad;

    @Option(names = "--threads", paramLabel = "N", description = "bootstrap threads (default: all cores)")
    Integer threads;

    @Option(names = "--intervals", paramLabel = "bootstrap|sandwich", converter = IntervalsConverter.class,
            defaultValue = "bootstrap", description = "95%% intervals from the bootstrap (default) or the analytic"
                    + " sandwich covariance (Bradley-Terry only, no rounds needed)")
    IntervalMethod intervals;

    @Option(names = "--cluster-by", paramLabel = "question|voter|sample", converter = ClusterConverter.class,
            description = "cluster bootstrap: resample questions, voters or samples (with all their battles) rather"
                    + " than battles, for battles that share one (Bradley-Terry only)")
    ClusterBy clusterBy = ClusterBy.NONE;

    @Option(names = "--judge-weights", paramLabel = "equal|autobench|peer-rank", converter = WeightRuleConverter.class,
            description = "weight each battle by its judge (the rows' judge or voter; PRD's reviewer): equal, AutoBench's"
                    + " (a judge's own win rate) or PRD's Peer Rank, 5 iterations; prints the judges' weights and each"
                    + " contestant's weighted win rate, and the Bradley-Terry fit counts a verdict as k times its"
                    + " judge's weight (k judges). autobench and peer-rank need every judge to be a contestant too")
    WeightRule judgeWeights;

    @Option(names = "--timings", description = "print the seconds spent loading, aggregating, fitting and bootstrapping to stderr")
    boolean timings;

    /** A contestant pinned at a rating. */
    record Anchor(String name, double rating) {
    }

    /** What the command is doing, for the one line printed when the heap runs out. */
    private volatile String doing = "reading the battles";

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            rate(err);
            return 0;
        } catch (BadInputException | IllegalArgumentException e) {
            err.println("tribunal rate: " + e.getMessage());
            return spec.exitCodeOnInvalidInput();
        } catch (OutOfMemoryError e) {
            // everything the run held is unreachable by now, so there is room to say so in one line
            err.println("tribunal rate: out of memory while " + doing + ": the Java heap limit is "
                    + heap(Runtime.getRuntime().maxMemory()) + "; run again with more, e.g. java -Xmx"
                    + heap(2 * Runtime.getRuntime().maxMemory()) + " -jar tribunal.jar rate …");
            return 1;
        } finally {
            err.flush();
        }
    }

    /** A heap size as -Xmx takes it, rounded up to whole megabytes or gigabytes: "512m", "2g". */
    static String heap(long bytes) {
        long megabytes = (bytes + (1 << 20) - 1) >> 20;
        return megabytes >= 1024 ? ((megabytes + 1023) / 1024) + "g" : megabytes + "m";
    }

    private void rate(PrintWriter err) {
        if (rounds < 0) throw new BadInputException("--rounds must be >= 0: " + rounds);
        PhaseTimer timer = new PhaseTimer();
        StyleTable styles = styleFiles.isEmpty() ? StyleTable.EMPTY : StyleTable.read(styleFiles);
        if (clusterBy != ClusterBy.NONE && (method != RatingMethod.BRADLEY_TERRY || styleControl)) {
            throw new BadInputException("--cluster-by needs --method bt without --style-control");
        }
        if (judgeWeights != null && clusterBy != ClusterBy.NONE && clusterBy != ClusterBy.VOTER) {
            throw new BadInputException("--judge-weights reads each battle's judge as its voter: use it without --cluster-by,"
                    + " or with --cluster-by voter");
        }
        ImportSettings settings = new ImportSettings(baseline, strongWeight, category, skipBad, styles,
                judgeWeights != null ? ClusterBy.VOTER : clusterBy);
        BattleSet.Builder builder = BattleSet.builder();
        if (clusterBy != ClusterBy.NONE) builder.keepUnits(clusterBy);
        if (method == RatingMethod.ELO) builder.keepRows();
        if (styleControl) builder.keepStyle();
        List<String> weightNotes = new ArrayList<>();
        ImportCounts counts;
        JudgeWeights.Weighting weighting = null;
        if (judgeWeights == null) {
            try (BattleHandoff aggregate = new BattleHandoff(builder::add)) {   // parse and aggregate on two cores
                counts = new BattleImporter(settings).read(inputs, format, aggregate);
            }
        } else {
            List<Battle> judged = new ArrayList<>();
            counts = new BattleImporter(settings).read(inputs, format, judged::add);
            weighting = weigh(judged, builder, weightNotes);
        }
        timer.lap("load");
        doing = "aggregating " + counts.battles() + " battles";
        BattleSet battles = builder.build();
        timer.lap("aggregate");
        RatingOptions options = options(battles, counts);
        doing = "fitting the ratings of " + battles.contestants().size() + " contestants";
        Leaderboard board = RatingEngine.rate(battles, options, phase -> {
            timer.lap(phase.label());
            doing = phase == PhaseListener.Phase.FIT
                    ? "bootstrapping (" + rounds + " rounds of " + battles.contestants().size() + " contestants)"
                    : "writing the leaderboard";
        });
        List<String> notes = new ArrayList<>(counts.notes());
        notes.addAll(weightNotes);
        notes.addAll(board.notes());
        write(board, weighting, notes, err);
        if (timings) {
            String intervalsUsed = options.intervals() == IntervalMethod.SANDWICH ? "sandwich intervals" : rounds + " rounds";
            err.println("timings: " + timer + String.format(Locale.ROOT, " (%d battles, %d cells, %d contestants, %s, %d threads)",
                    battles.battleCount(), battles.cellCount(), battles.contestants().size(), intervalsUsed, options.threads()));
        }
    }

    /**
     * Weighs the judges of {@code battles} by {@link #judgeWeights} and adds each battle to {@code builder} with its
     * weight times its judge's weight at mean 1 (k·w_j for k judges, so the total weight stays about the number of
     * battles and the bootstrap's intervals keep their scale); the battles of a judge of weight 0 are left out and
     * said so. The judges' weights are those of the whole data: the bootstrap resamples battles with them fixed.
     * Null without battles (the caller says there are none).
     */
    private JudgeWeights.Weighting weigh(List<Battle> battles, BattleSet.Builder builder, List<String> notes) {
        if (battles.isEmpty()) return null;
        long unjudged = battles.stream().filter(b -> b.unit() == null).count();
        if (unjudged > 0) {
            throw new BadInputException("--judge-weights needs each battle's judge: " + unjudged + " of " + battles.size()
                    + " battle(s) name none (give the rows a 'judge' field or column)");
        }
        List<JudgedBattle> judged = battles.stream().map(b -> new JudgedBattle(b.unit(), b.a(), b.b(), b.outcome())).toList();
        JudgeWeights.Weighting weighting;
        try {
            weighting = JudgeWeights.weigh(judgeWeights, judged, JudgeWeights.DEFAULT_ITERATIONS);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--judge-weights " + judgeWeights.cliName() + ": " + e.getMessage(), e);
        }
        Map<String, Long> leftOut = new TreeMap<>();
        for (Battle b : battles) {
            double judgeWeight = weighting.meanOne(b.unit());
            if (judgeWeight == 0) {
                leftOut.merge(b.unit(), 1L, Long::sum);
                continue;
            }
            builder.add(new Battle(b.a(), b.b(), b.outcome(), b.weight() * judgeWeight, b.category(), b.time(),
                    b.styleA(), b.styleB(), clusterBy == ClusterBy.VOTER ? b.unit() : null));
        }
        leftOut.forEach((judge, n) -> notes.add("left out " + n + " battle(s) judged by " + judge + ", whose "
                + judgeWeights.cliName() + " weight is 0"));
        return weighting;
    }

    private RatingOptions options(BattleSet battles, ImportCounts counts) {
        if (battles.battleCount() == 0) {
            String why = counts.notes().isEmpty() ? "" : " (" + String.join("; ", counts.notes()) + ")";
            throw new BadInputException("no battles in " + counts.records() + " record(s) of " + counts.files() + " file(s)" + why);
        }
        requireContestant("--baseline", baseline, battles);
        if (anchor != null) requireContestant("--anchor", anchor.name(), battles);
        if (styleControl && counts.battlesWithStyle() == 0) {
            throw new BadInputException("--style-control needs answer styles: none of the " + counts.battles()
                    + " battles has them (give style_a/style_b or conv_metadata on the rows, or --style-file)");
        }
        if (styleControl && method != RatingMethod.BRADLEY_TERRY) throw new BadInputException("--style-control needs --method bt");
        if (intervals == IntervalMethod.SANDWICH && (method != RatingMethod.BRADLEY_TERRY || styleControl)) {
            throw new BadInputException("--intervals sandwich needs --method bt without --style-control");
        }
        RatingOptions options = RatingOptions.defaults().withMethod(method).withRounds(rounds).withSeed(seed)
                .withBaseline(baseline).withEloK(eloK).withStyleControl(styleControl).withIntervals(intervals);
        if (anchor != null) options = options.withAnchor(anchor.name(), anchor.rating());
        return threads == null ? options : options.withThreads(threads);
    }

    private static void requireContestant(String option, String name, BattleSet battles) {
        if (name == null || battles.contestants().contains(name)) return;
        List<String> sorted = battles.contestants().stream().sorted().toList();
        int shown = Math.min(sorted.size(), 30);
        String list = String.join(", ", sorted.subList(0, shown)) + (shown < sorted.size() ? ", … (" + sorted.size() + " in all)" : "");
        throw new BadInputException(option + " " + name + " is not among the contestants: " + list);
    }

    private void write(Leaderboard board, JudgeWeights.Weighting weighting, List<String> notes, PrintWriter err) {
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            writeTo(board, weighting, notes, stdout, err);
            stdout.flush();
            return;
        }
        try (PrintWriter file = OutputFile.open(out)) {
            writeTo(board, weighting, notes, file, err);
        }
    }

    private void writeTo(Leaderboard board, JudgeWeights.Weighting weighting, List<String> notes, PrintWriter target,
                         PrintWriter err) {
        output.write(board, weighting, notes, target);
        if (output.notesOnStderr()) notes.forEach(note -> err.println("note: " + note));
    }

    static final class FormatConverter implements ITypeConverter<BattleFormat> {
        @Override
        public BattleFormat convert(String value) {
            if (value.equalsIgnoreCase("auto")) return null;
            try {
                return BattleFormat.ofCliName(value);
            } catch (BadInputException e) {
                throw new TypeConversionException("expected auto, " + BattleFormat.cliNames() + ", not '" + value + "'");
            }
        }
    }

    static final class WeightRuleConverter implements ITypeConverter<WeightRule> {
        @Override
        public WeightRule convert(String value) {
            try {
                return WeightRule.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected equal, autobench or peer-rank, not '" + value + "'");
            }
        }
    }

    static final class MethodConverter implements ITypeConverter<RatingMethod> {
        @Override
        public RatingMethod convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "bt", "bradley-terry" -> RatingMethod.BRADLEY_TERRY;
                case "elo" -> RatingMethod.ELO;
                default -> throw new TypeConversionException("expected bt or elo, not '" + value + "'");
            };
        }
    }

    static final class IntervalsConverter implements ITypeConverter<IntervalMethod> {
        @Override
        public IntervalMethod convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "bootstrap" -> IntervalMethod.BOOTSTRAP;
                case "sandwich" -> IntervalMethod.SANDWICH;
                default -> throw new TypeConversionException("expected bootstrap or sandwich, not '" + value + "'");
            };
        }
    }

    static final class ClusterConverter implements ITypeConverter<ClusterBy> {
        @Override
        public ClusterBy convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "question" -> ClusterBy.QUESTION;
                case "voter" -> ClusterBy.VOTER;
                case "sample" -> ClusterBy.SAMPLE;
                default -> throw new TypeConversionException("expected question, voter or sample, not '" + value + "'");
            };
        }
    }

    static final class OutputConverter implements ITypeConverter<LeaderboardOutput> {
        @Override
        public LeaderboardOutput convert(String value) {
            try {
                return LeaderboardOutput.ofCliName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected table, csv or json, not '" + value + "'");
            }
        }
    }

    static final class AnchorConverter implements ITypeConverter<Anchor> {
        @Override
        public Anchor convert(String value) {
            int equals = value.lastIndexOf('=');
            if (equals <= 0) throw new TypeConversionException("expected NAME=RATING, not '" + value + "'");
            try {
                double rating = Double.parseDouble(value.substring(equals + 1));
                if (!Double.isFinite(rating)) throw new NumberFormatException();
                return new Anchor(value.substring(0, equals), rating);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("expected NAME=RATING with a number, not '" + value + "'");
            }
        }
    }
}
