package dev.tribunal.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tribunal.bench.baseline.BaselineBoard;
import dev.tribunal.rating.Leaderboard;
import dev.tribunal.rating.LeaderboardRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The baseline benchmark's boards in {@code tribunal rate}'s three formats, with tokens and style-controlled scores. */
final class BaselineTables {

    private BaselineTables() {
    }

    static void table(List<BaselineBoard> boards, PrintWriter out) {
        for (BaselineBoard board : boards) {
            int width = Math.max(30, board.plain().rows().stream().mapToInt(r -> r.name().length()).max().orElse(0));
            out.println("judge " + board.judge() + " (source " + board.source() + ")");
            String header = String.format(Locale.ROOT, "%-" + width + "s | %6s | %-16s | %8s | %4s | %7s | %10s | %-16s",
                    "model", "score", "95% CI", "rating", "rank", "battles", "avg tokens", "style-controlled");
            out.println(header);
            out.println("-".repeat(header.length()));
            for (LeaderboardRow row : board.plain().rows()) {
                LeaderboardRow styled = styledRow(board.styled(), row.name());
                Double tokens = board.avgTokens().get(row.name());
                out.println(String.format(Locale.ROOT, "%-" + width + "s | %6.2f | %-16s | %8.2f | %4d | %7s | %10s | %s",
                        row.name(), row.score(), LeaderboardOutput.interval(row.score(), row.scoreLower(), row.scoreUpper()),
                        row.rating(), row.rankUb(), LeaderboardOutput.count(row.battles()),
                        tokens == null ? "" : String.format(Locale.ROOT, "%.0f", Math.floor(tokens)),
                        styled == null ? "" : String.format(Locale.ROOT, "%.2f %s", styled.score(),
                                LeaderboardOutput.interval(styled.score(), styled.scoreLower(), styled.scoreUpper()))));
            }
            out.println();
            out.println(LeaderboardOutput.describe(board.plain().options()) + ", "
                    + LeaderboardOutput.count(board.plain().totalBattles()) + " battles; " + board.judgments()
                    + " judgments, " + board.unparseable() + " unparseable, " + board.disagreements()
                    + " comparisons whose two games disagree");
            for (String note : board.plain().notes()) out.println("note: " + note);
            if (board.styled() == null) out.println("note: no style-controlled board (too few battles to fit)");
            out.println();
        }
    }

    static void csv(List<BaselineBoard> boards, PrintWriter out) {
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
            csv.printRecord("judge", "model", "score", "rating_q025", "rating_q975", "CI", "rating", "rank", "battles",
                    "avg_tokens", "style_score", "style_q025", "style_q975");
            for (BaselineBoard board : boards) {
                for (LeaderboardRow row : board.plain().rows()) {
                    LeaderboardRow styled = styledRow(board.styled(), row.name());
                    Double tokens = board.avgTokens().get(row.name());
                    csv.printRecord(board.judge(), row.name(), LeaderboardOutput.round2(row.score()),
                            LeaderboardOutput.round2(row.scoreLower()), LeaderboardOutput.round2(row.scoreUpper()),
                            LeaderboardOutput.interval(row.score(), row.scoreLower(), row.scoreUpper()),
                            String.format(Locale.ROOT, "%.6f", row.rating()), row.rankUb(),
                            LeaderboardOutput.count(row.battles()),
                            tokens == null ? "" : String.format(Locale.ROOT, "%.0f", Math.floor(tokens)),
                            styled == null ? "" : LeaderboardOutput.round2(styled.score()),
                            styled == null ? "" : LeaderboardOutput.round2(styled.scoreLower()),
                            styled == null ? "" : LeaderboardOutput.round2(styled.scoreUpper()));
                }
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void json(List<BaselineBoard> boards, PrintWriter out) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode root = json.createArrayNode();
        for (BaselineBoard board : boards) {
            ObjectNode node = root.addObject().put("judge", board.judge()).put("source", board.source())
                    .put("judgments", board.judgments()).put("unparseable", board.unparseable())
                    .put("disagreements", board.disagreements());
            LeaderboardOutput.number(node, "total_battles", board.plain().totalBattles());
            ArrayNode rows = node.putArray("rows");
            for (LeaderboardRow row : board.plain().rows()) {
                ObjectNode r = rows.addObject().put("model", row.name());
                LeaderboardOutput.number(r, "score", row.score());
                LeaderboardOutput.number(r, "score_lower", row.scoreLower());
                LeaderboardOutput.number(r, "score_upper", row.scoreUpper());
                LeaderboardOutput.number(r, "rating", row.rating());
                LeaderboardOutput.number(r, "rating_lower", row.ratingLower());
                LeaderboardOutput.number(r, "rating_upper", row.ratingUpper());
                r.put("rank", row.rankUb());
                LeaderboardOutput.number(r, "battles", row.battles());
                Double tokens = board.avgTokens().get(row.name());
                if (tokens == null) r.putNull("avg_tokens");
                else r.put("avg_tokens", tokens);
                LeaderboardRow styled = styledRow(board.styled(), row.name());
                if (styled != null) {
                    LeaderboardOutput.number(r, "style_score", styled.score());
                    LeaderboardOutput.number(r, "style_score_lower", styled.scoreLower());
                    LeaderboardOutput.number(r, "style_score_upper", styled.scoreUpper());
                }
            }
            ArrayNode notes = node.putArray("notes");
            board.plain().notes().forEach(notes::add);
        }
        try {
            out.println(json.writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LeaderboardRow styledRow(Leaderboard styled, String name) {
        if (styled == null) return null;
        return styled.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }
}
