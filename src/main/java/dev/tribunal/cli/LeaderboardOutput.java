package dev.tribunal.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tribunal.bench.baseline.BaselineBoard;
import dev.tribunal.rating.IntervalMethod;
import dev.tribunal.rating.JudgeWeights;
import dev.tribunal.rating.Leaderboard;
import dev.tribunal.rating.LeaderboardRow;
import dev.tribunal.rating.RatingOptions;
import dev.tribunal.rating.StyleCoefficients;
import dev.tribunal.rating.WeightRule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jline.utils.WCWidth;

/**
 * The ways {@code tribunal rate} writes a leaderboard. With a baseline the score is the win-rate against it
 * (Arena-Hard's); without one there is no score, and the score columns carry the rating and its interval. With judge
 * weights ({@code --judge-weights}) each contestant's weighted win rate is a column (JSON: {@code weighted_win_rate})
 * and the judges' weights follow the table (CSV: a {@code judge_weight} column; JSON: {@code judge_weights}).
 */
enum LeaderboardOutput {
    /** Arena-Hard's console table: model | score | 95% CI | rating | rank | battles. */
    TABLE {
        @Override
        void write(Leaderboard board, JudgeWeights.Weighting weighting, List<String> notes, PrintWriter out) {
            boolean scored = hasScores(board);
            int width = Math.max(30, board.rows().stream().mapToInt(row -> displayWidth(row.name())).max().orElse(0));
            String header = scored
                    ? String.format(Locale.ROOT, "%s | %6s | %-16s | %8s | %4s | %7s", pad("model", width), "score", "95% CI", "rating", "rank", "battles")
                    : String.format(Locale.ROOT, "%s | %8s | %-18s | %4s | %7s", pad("model", width), "rating", "95% CI", "rank", "battles");
            if (weighting != null) header += " | win rate";
            out.println(header);
            out.println("-".repeat(header.length()));
            for (LeaderboardRow row : board.rows()) {
                String line = scored
                        ? String.format(Locale.ROOT, "%s | %6s | %-16s | %8.2f | %4d | %7s", pad(row.name(), width), fixed(row.score()),
                                interval(row.score(), row.scoreLower(), row.scoreUpper()), row.rating(), row.rankUb(), count(row.battles()))
                        : String.format(Locale.ROOT, "%s | %8.2f | %-18s | %4d | %7s", pad(row.name(), width), row.rating(),
                                interval(row.rating(), row.ratingLower(), row.ratingUpper()), row.rankUb(), count(row.battles()));
                if (weighting != null) line += String.format(Locale.ROOT, " | %8s", winRate(weighting, row.name(), 4));
                out.println(line);
            }
            out.println();
            out.println(describe(board.options()) + ", " + count(board.totalBattles()) + " battles");
            if (weighting != null) {
                StringBuilder weights = new StringBuilder("judge weights (").append(describeWeights(weighting)).append("):");
                weighting.weights().forEach((judge, w) -> weights.append(String.format(Locale.ROOT, " %s %.4f", judge, w)));
                out.println(weights);
            }
            for (String note : notes) out.println("note: " + note);
        }

        @Override
        boolean notesOnStderr() {
            return false;
        }
    },
    /** Arena-Hard's leaderboard CSV (model, score, rating_q025, rating_q975, CI) plus rating, rank, battles. */
    CSV {
        @Override
        void write(Leaderboard board, JudgeWeights.Weighting weighting, List<String> notes, PrintWriter out) {
            boolean scored = hasScores(board);
            try {
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
                List<String> header = new ArrayList<>(List.of("model", "score", "rating_q025", "rating_q975", "CI",
                        "rating", "rank", "battles"));
                if (weighting != null) header.addAll(List.of("weighted_win_rate", "judge_weight"));
                csv.printRecord(header);
                for (LeaderboardRow row : board.rows()) {
                    double score = scored ? row.score() : row.rating();
                    double lower = scored ? row.scoreLower() : row.ratingLower();
                    double upper = scored ? row.scoreUpper() : row.ratingUpper();
                    String ci = interval(score, lower, upper);
                    List<Object> cells = new ArrayList<>(List.of(row.name(), round2(score), round2(lower), round2(upper),
                            ci.equals(NONE) ? "" : ci, String.format(Locale.ROOT, "%.6f", row.rating()), row.rankUb(),
                            count(row.battles())));
                    if (weighting != null) {
                        Double w = weighting.weights().get(row.name());
                        cells.add(winRate(weighting, row.name(), 6).replace(NONE, ""));
                        cells.add(w == null ? "" : String.format(Locale.ROOT, "%.6f", w));
                    }
                    csv.printRecord(cells);
                }
                csv.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    },
    /** The whole leaderboard: options, rows with every number, notes, style coefficients. */
    JSON {
        @Override
        void write(Leaderboard board, JudgeWeights.Weighting weighting, List<String> notes, PrintWriter out) {
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
            ObjectNode root = json.createObjectNode();
            root.set("options", json.valueToTree(board.options()));
            root.put("converged", board.converged());
            number(root, "total_battles", board.totalBattles());
            ArrayNode rows = root.putArray("rows");
            for (LeaderboardRow row : board.rows()) {
                ObjectNode node = rows.addObject().put("model", row.name());
                number(node, "rating", row.rating());
                number(node, "rating_lower", row.ratingLower());
                number(node, "rating_upper", row.ratingUpper());
                number(node, "score", row.score());
                number(node, "score_lower", row.scoreLower());
                number(node, "score_upper", row.scoreUpper());
                node.put("rank", row.rankUb());
                number(node, "battles", row.battles());
                number(node, "observed_win_rate", row.observedWinRate());
                node.put("too_little_information", row.tooLittleInformation());
                if (weighting != null) {
                    Double rate = weighting.winRates().get(row.name());
                    number(node, "weighted_win_rate", rate == null ? Double.NaN : rate);
                }
            }
            if (weighting != null) {
                root.put("judge_weight_rule", weighting.rule().cliName());
                root.put("judge_weight_iterations", weighting.iterations());
                ObjectNode weights = root.putObject("judge_weights");
                weighting.weights().forEach((judge, w) -> number(weights, judge, w));
            }
            StyleCoefficients style = board.style();
            if (style == null) {
                root.putNull("style");
            } else {
                ObjectNode node = root.putObject("style");
                number(node, "tokens", style.tokens());
                number(node, "headers", style.headers());
                number(node, "list_items", style.listItems());
                number(node, "bold", style.bold());
            }
            ArrayNode notesNode = root.putArray("notes");
            notes.forEach(notesNode::add);
            try {
                out.println(json.writeValueAsString(root));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    /**
     * Writes a baseline benchmark's boards (one per judge, and the pooled one): the columns of {@link #write} plus
     * each model's average answer length in tokens and its style-controlled score and interval beside the plain one.
     */
    void writeBaseline(List<BaselineBoard> boards, PrintWriter out) {
        switch (this) {
            case TABLE -> BaselineTables.table(boards, out);
            case CSV -> BaselineTables.csv(boards, out);
            case JSON -> BaselineTables.json(boards, out);
        }
    }

    /**
     * Writes the leaderboard; the table prints the notes after it, JSON holds them, CSV leaves them out.
     *
     * @param weighting the judges' weights and the weighted win rates, or null when the battles were not weighted
     */
    abstract void write(Leaderboard board, JudgeWeights.Weighting weighting, List<String> notes, PrintWriter out);

    /** A contestant's weighted win rate to {@code digits} decimals; {@link #NONE} for one without battles. */
    static String winRate(JudgeWeights.Weighting weighting, String name, int digits) {
        Double rate = weighting.winRates().get(name);
        return rate == null ? NONE : String.format(Locale.ROOT, "%." + digits + "f", rate);
    }

    /** "peer-rank, 5 iterations", or "equal". */
    static String describeWeights(JudgeWeights.Weighting weighting) {
        return weighting.rule() == WeightRule.EQUAL ? weighting.rule().cliName()
                : weighting.rule().cliName() + ", " + weighting.iterations() + " iterations";
    }

    /** Whether notes (also) go to stderr, to keep stdout a clean CSV or JSON document. */
    boolean notesOnStderr() {
        return true;
    }

    static LeaderboardOutput ofCliName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    private static boolean hasScores(Leaderboard board) {
        return board.options().baseline() != null;
    }

    /**
     * Arena-Hard's interval column, the bounds as distances from the value: "(-2.77, +2.55)". A bound on the other
     * side of the value (online Elo's bootstrap need not contain the point estimate) keeps its true sign. "—" when
     * there is no interval (or no value).
     */
    static String interval(double value, double lower, double upper) {
        if (Double.isNaN(value) || Double.isNaN(lower) || Double.isNaN(upper)) return NONE;
        return "(" + offset(lower - value, '-') + ", " + offset(upper - value, '+') + ")";
    }

    /** Shown for a number that does not exist (no score, no interval). */
    static final String NONE = "—";

    private static String fixed(double value) {
        return Double.isNaN(value) ? NONE : String.format(Locale.ROOT, "%.2f", value);
    }

    /** {@code text} followed by spaces up to {@code width} terminal columns (wide characters take two). */
    static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - displayWidth(text)));
    }

    /** Terminal columns of {@code text}: East Asian wide characters and emoji take two, combining marks none. */
    static int displayWidth(String text) {
        return text.codePoints().map(cp -> Math.max(0, WCWidth.wcwidth(cp))).sum();
    }

    /** A signed offset, zero shown with the sign its side expects. */
    private static String offset(double offset, char expectedSign) {
        String magnitude = String.format(Locale.ROOT, "%.2f", Math.abs(offset));
        boolean expected = expectedSign == '-' ? offset <= 0 : offset >= 0;
        return (expected ? expectedSign : expectedSign == '-' ? '+' : '-') + magnitude;
    }

    /** Two decimals; an empty field for a number that does not exist. */
    static Object round2(double value) {
        return Double.isNaN(value) ? "" : Math.round(value * 100) / 100.0;
    }

    /**
     * A weighted count or a setting: whole numbers without decimals, also when a sum of weights misses one by rounding
     * (judge weights: 5 × 0.2 × 800 is 800.0000000000001).
     */
    static String count(double value) {
        return Math.abs(value - Math.rint(value)) <= 1e-9 * Math.max(1, Math.abs(value))
                ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) node.put(name, value);
        else node.putNull(name);
    }

    static String describe(RatingOptions options) {
        String method = switch (options.method()) {
            case BRADLEY_TERRY -> options.styleControl() ? "Bradley-Terry with style control" : "Bradley-Terry";
            case ELO -> "online Elo (K = " + count(options.eloK()) + ")";
        };
        String anchor = options.effectiveAnchor() == null
                ? "mean " + count(options.anchorRating())
                : options.effectiveAnchor() + " = " + count(options.anchorRating());
        String intervals = options.intervals() == IntervalMethod.SANDWICH ? "sandwich intervals"
                : options.rounds() + " bootstrap rounds (seed " + options.seed() + ")";
        return method + ", " + anchor + ", " + intervals;
    }
}
