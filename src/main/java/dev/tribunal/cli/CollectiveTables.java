package dev.tribunal.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tribunal.bench.collective.CollectiveJson;
import dev.tribunal.bench.collective.CollectiveReport;
import dev.tribunal.bench.collective.CollectiveRow;
import dev.tribunal.bench.collective.ModelStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A collective run's boards in {@code tribunal rate}'s three formats: score = the weighted mean rating (1–5),
 * rating = the Bradley–Terry board of the answers' pairwise battles; with each model's judge weight, cost, latency,
 * failures and distance from the consensus.
 */
final class CollectiveTables {

    private CollectiveTables() {
    }

    static void write(LeaderboardOutput format, CollectiveReport report, PrintWriter out) {
        switch (format) {
            case TABLE -> table(report, out);
            case CSV -> csv(report, out);
            case JSON -> json(report, out);
        }
    }

    static void table(CollectiveReport report, PrintWriter out) {
        out.println("collective board (source " + report.source() + "): " + report.iterations() + " iterations, "
                + report.questionsKept() + " questions kept, " + report.questionsRejected() + " rejected, "
                + report.duplicates() + " near-duplicates");
        board(report.rows(), out);
        out.println();
        int width = width(report.rows());
        String header = String.format(Locale.ROOT, "%-" + width + "s | %6s | %10s | %11s | %10s | %10s | %8s | %11s | %9s",
                "model", "weight", "cost", "cost/answer", "latency ms", "p99 ms", "failures", "unparseable", "distance");
        out.println(header);
        out.println("-".repeat(header.length()));
        for (ModelStats m : report.models()) {
            out.println(String.format(Locale.ROOT, "%-" + width + "s | %6.3f | %10s | %11s | %10s | %10s | %8d | %11s | %9s",
                    m.model(), m.weight(), fixed(m.cost(), 4), fixed(m.costPerAnswer(), 6), fixed(m.meanLatencyMs(), 0),
                    fixed(m.p99LatencyMs(), 0), m.failures(), m.unparseable() + "/" + m.ratings(),
                    fixed(m.consensusDistance(), 2)));
        }
        report.topics().forEach((topic, rows) -> {
            out.println();
            out.println("topic " + topic);
            board(rows, out);
        });
    }

    private static void board(List<CollectiveRow> rows, PrintWriter out) {
        int width = width(rows);
        String header = String.format(Locale.ROOT, "%-" + width + "s | %5s | %-14s | %8s | %-18s | %4s | %9s",
                "model", "score", "95% CI", "rating", "95% CI", "rank", "questions");
        out.println(header);
        out.println("-".repeat(header.length()));
        for (CollectiveRow r : rows) {
            out.println(String.format(Locale.ROOT, "%-" + width + "s | %5s | %-14s | %8s | %-18s | %4d | %9d",
                    r.model(), fixed(r.score(), 2), LeaderboardOutput.interval(r.score(), r.scoreLower(), r.scoreUpper()),
                    fixed(r.rating(), 2), LeaderboardOutput.interval(r.rating(), r.ratingLower(), r.ratingUpper()),
                    r.rank(), r.questions()));
        }
    }

    private static int width(List<CollectiveRow> rows) {
        return Math.max(20, rows.stream().mapToInt(r -> r.model().length()).max().orElse(0));
    }

    private static String fixed(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : LeaderboardOutput.NONE;
    }

    /** One row per (topic, model), topic "all" for the overall board: a valid input of {@code tribunal correlate}. */
    static void csv(CollectiveReport report, PrintWriter out) {
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
            csv.printRecord("topic", "model", "score", "score_lower", "score_upper", "rating", "rating_lower",
                    "rating_upper", "rank", "questions", "judge_weight", "cost", "cost_per_answer", "mean_latency_ms",
                    "p99_latency_ms");
            csvRows(csv, "all", report.rows(), report);
            for (var topic : report.topics().entrySet()) csvRows(csv, topic.getKey(), topic.getValue(), report);
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void csvRows(CSVPrinter csv, String topic, List<CollectiveRow> rows, CollectiveReport report)
            throws IOException {
        for (CollectiveRow r : rows) {
            ModelStats m = report.models().stream().filter(s -> s.model().equals(r.model())).findFirst().orElseThrow();
            csv.printRecord(topic, r.model(), round(r.score(), 4), round(r.scoreLower(), 4), round(r.scoreUpper(), 4),
                    round(r.rating(), 2), round(r.ratingLower(), 2), round(r.ratingUpper(), 2), r.rank(), r.questions(),
                    round(m.weight(), 6), round(m.cost(), 8), round(m.costPerAnswer(), 8), round(m.meanLatencyMs(), 1),
                    round(m.p99LatencyMs(), 1));
        }
    }

    private static Object round(double value, int decimals) {
        if (!Double.isFinite(value)) return "";
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    static void json(CollectiveReport report, PrintWriter out) {
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(CollectiveJson.of(report)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
