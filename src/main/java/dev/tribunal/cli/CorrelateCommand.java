package dev.tribunal.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tribunal.imports.BadInputException;
import dev.tribunal.rating.Correlation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code tribunal correlate FILE [FILE2] --x COLUMN --y COLUMN}: Pearson, Spearman and Kendall (τ-b) between two
 * score columns over models, each with a bootstrap 95 % interval over the models (see {@link Correlation}).
 */
@Command(name = "correlate", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Correlates two score columns over models: Pearson, Spearman and Kendall (tau-b), each with a"
                + " bootstrap 95%% interval over the models.",
                "FILE is CSV with a header row, one model a row (a leaderboard CSV from rate, the API or a benchmark"
                        + " will do). With one file both columns come from it; with two, X from the first and Y from the"
                        + " second, joined on the model column (names compared ignoring case, after --aliases). Rows"
                        + " with a blank in either column are skipped and counted."},
        exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 1)
public final class CorrelateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..2", description = "one CSV table, or two to join on the model column")
    List<Path> files;

    @Option(names = "--x", paramLabel = "COLUMN", required = true, description = "the first score column (of the first FILE)")
    String x;

    @Option(names = "--y", paramLabel = "COLUMN", required = true, description = "the second score column (of the last FILE)")
    String y;

    @Option(names = "--model-column", paramLabel = "NAME",
            description = "the column naming the model (default: model, else name as in the API's CSV)")
    String modelColumn;

    @Option(names = "--aliases", paramLabel = "FILE",
            description = "CSV of alias,model: other spellings of a model's name, mapped to the name to join on")
    Path aliases;

    @Option(names = "--where", paramLabel = "COLUMN=VALUE", converter = WhereConverter.class,
            description = "only the rows whose COLUMN is VALUE, in each file that has COLUMN: one board of a file that"
                    + " holds several, e.g. --where judge=gpt-4o in a benchmark's CSV")
    ScoreColumns.Where where;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "1000", description = "bootstrap rounds (default 1000)")
    int rounds;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "bootstrap seed (default 42)")
    long seed;

    @Option(names = "--output", paramLabel = "table|json", converter = OutputConverter.class, defaultValue = "table",
            description = "table (default) or json")
    Output output;

    /** How the result is written. */
    enum Output { TABLE, JSON }

    /** The joined scores. */
    private record Joined(double[] x, double[] y, int skipped, List<String> unmatched) {
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (rounds < 0) throw new BadInputException("--rounds must be >= 0: " + rounds);
            Joined joined = join();
            if (joined.x().length < Correlation.MIN_MODELS) {
                throw new BadInputException("only " + joined.x().length + " model(s) have both " + x + " and " + y
                        + " (" + joined.skipped() + " skipped for a blank, " + joined.unmatched().size()
                        + " in one file only); a correlation needs at least " + Correlation.MIN_MODELS);
            }
            Correlation c = Correlation.of(joined.x(), joined.y(), rounds, seed);
            PrintWriter out = spec.commandLine().getOut();
            if (output == Output.JSON) json(c, joined, out);
            else table(c, joined, out);
            out.flush();
            return 0;
        } catch (BadInputException | IllegalArgumentException e) {
            err.println("tribunal correlate: " + e.getMessage());
            return spec.exitCodeOnInvalidInput();
        } finally {
            err.flush();
        }
    }

    private Joined join() {
        ScoreColumns.Aliases names = aliases == null ? ScoreColumns.Aliases.NONE : ScoreColumns.Aliases.read(aliases);
        Path first = files.getFirst();
        Path last = files.getLast();
        ScoreColumns.Table leftTable;
        ScoreColumns.Table rightTable;
        if (files.size() == 1) {
            leftTable = rightTable = ScoreColumns.read(first, modelColumn, List.of(x, y), names, where);
        } else {
            leftTable = ScoreColumns.read(first, modelColumn, List.of(x), names, where);
            rightTable = ScoreColumns.read(last, modelColumn, List.of(y), names, where);
        }
        if (where != null && !leftTable.filtered() && !rightTable.filtered()) {
            throw new BadInputException("--where " + where.column() + "=…: no file has a column '" + where.column() + "'");
        }
        Map<String, Map<String, Double>> left = leftTable.rows();
        Map<String, Map<String, Double>> right = rightTable.rows();
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        int skipped = 0;
        for (Map.Entry<String, Map<String, Double>> row : left.entrySet()) {
            Map<String, Double> other = right.get(row.getKey());
            if (other == null) {
                unmatched.add(row.getKey());
                continue;
            }
            Double vx = row.getValue().get(x);
            Double vy = other.get(y);
            if (vx == null || vy == null) {
                skipped++;
                continue;
            }
            xs.add(vx);
            ys.add(vy);
        }
        for (String model : right.keySet()) if (!left.containsKey(model)) unmatched.add(model);
        return new Joined(xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ys.stream().mapToDouble(Double::doubleValue).toArray(), skipped, unmatched);
    }

    private void table(Correlation c, Joined joined, PrintWriter out) {
        out.printf(Locale.ROOT, "x = %s, y = %s: %d models", x, y, c.n());
        if (joined.skipped() > 0) out.printf(Locale.ROOT, ", %d skipped for a blank", joined.skipped());
        out.println();
        String header = String.format(Locale.ROOT, "%-14s | %7s | %s", "coefficient", "value", "95% CI");
        out.println(header);
        out.println("-".repeat(header.length() + 12));
        row(out, "Pearson r", c.pearson());
        row(out, "Spearman rho", c.spearman());
        row(out, "Kendall tau-b", c.kendall());
        out.println();
        out.printf(Locale.ROOT, "%d bootstrap rounds over models (seed %d)%n", rounds, seed);
        if (!joined.unmatched().isEmpty()) {
            List<String> shown = joined.unmatched().subList(0, Math.min(10, joined.unmatched().size()));
            out.println("note: " + joined.unmatched().size() + " model(s) in one file only, left out: " + String.join(", ", shown)
                    + (shown.size() < joined.unmatched().size() ? ", …" : "") + " (--aliases maps other spellings)");
        }
    }

    private static void row(PrintWriter out, String name, Correlation.Coefficient k) {
        String interval = Double.isNaN(k.lower()) ? LeaderboardOutput.NONE
                : String.format(Locale.ROOT, "[%.4f, %.4f]", k.lower(), k.upper());
        String value = Double.isNaN(k.value()) ? LeaderboardOutput.NONE : String.format(Locale.ROOT, "%.4f", k.value());
        out.printf(Locale.ROOT, "%-14s | %7s | %s%n", name, value, interval);
    }

    private void json(Correlation c, Joined joined, PrintWriter out) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("n", c.n());
        root.put("skipped", joined.skipped());
        root.put("unmatched", joined.unmatched().size());
        root.put("rounds", rounds);
        root.put("seed", seed);
        coefficient(root.putObject("pearson"), c.pearson());
        coefficient(root.putObject("spearman"), c.spearman());
        coefficient(root.putObject("kendall"), c.kendall());
        out.println(root.toPrettyString());
    }

    private static void coefficient(ObjectNode node, Correlation.Coefficient k) {
        LeaderboardOutput.number(node, "value", k.value());
        LeaderboardOutput.number(node, "ci_lower", k.lower());
        LeaderboardOutput.number(node, "ci_upper", k.upper());
    }

    static final class WhereConverter implements ITypeConverter<ScoreColumns.Where> {
        @Override
        public ScoreColumns.Where convert(String value) {
            int equals = value.indexOf('=');
            if (equals <= 0) throw new TypeConversionException("expected COLUMN=VALUE, not '" + value + "'");
            return new ScoreColumns.Where(value.substring(0, equals), value.substring(equals + 1));
        }
    }

    static final class OutputConverter implements ITypeConverter<Output> {
        @Override
        public Output convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "table" -> Output.TABLE;
                case "json" -> Output.JSON;
                default -> throw new TypeConversionException("expected table or json, not '" + value + "'");
            };
        }
    }
}
