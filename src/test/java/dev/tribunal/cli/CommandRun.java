package dev.tribunal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine;

/** One run of the real command line, with what it printed. */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(Object... args) {
        return in(null, args);
    }

    /** As typed in {@code callerDirectory}, as scripts/run passes it (null: the working directory). */
    static CommandRun in(java.nio.file.Path callerDirectory, Object... args) {
        CommandLine command = Main.commandLine(callerDirectory);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        String[] strings = new String[args.length];
        for (int i = 0; i < args.length; i++) strings[i] = String.valueOf(args[i]);
        int code = command.execute(strings);
        return new CommandRun(code, out.toString(), err.toString());
    }

    /** Asserts bad input: exit code 2, nothing on stdout, and one line on stderr that contains {@code expected}. */
    void assertOneLineError(String expected) {
        assertThat(exitCode).as(err).isEqualTo(2);
        assertThat(out).isEmpty();
        assertThat(err.lines()).singleElement().asString().contains(expected).doesNotContain("Exception");
    }

    JsonNode json() {
        try {
            return new ObjectMapper().readTree(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of a JSON leaderboard by model. */
    Map<String, JsonNode> jsonRows() {
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        json().get("rows").forEach(row -> rows.put(row.get("model").asText(), row));
        return rows;
    }

    /** The rows of a CSV leaderboard by model. */
    Map<String, CSVRecord> csvRows() {
        Map<String, CSVRecord> rows = new LinkedHashMap<>();
        try {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(out))) {
                rows.put(row.get("model"), row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
