package dev.tribunal.cli;

import dev.tribunal.imports.BadInputException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Score columns of CSV tables with a header row, one model a row: a leaderboard from {@code tribunal rate}, the API or
 * a benchmark, or a published results table. Models are matched by name, ignoring case and surrounding spaces,
 * after the alias table maps other spellings to one name.
 */
final class ScoreColumns {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();

    private ScoreColumns() {
    }

    /**
     * Maps spellings of model names to the name they are joined on. The file is CSV with two columns, a spelling and
     * its name ({@code alias,model}); an optional header row {@code alias,model} is skipped.
     */
    record Aliases(Map<String, String> names) {
        static final Aliases NONE = new Aliases(Map.of());

        static Aliases read(Path file) {
            Map<String, String> names = new LinkedHashMap<>();
            List<CSVRecord> rows = parse(file, CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true)
                    .setIgnoreEmptyLines(true).get());
            for (CSVRecord row : rows) {
                if (row.getRecordNumber() == 1 && row.size() == 2 && row.get(0).equalsIgnoreCase("alias")
                        && row.get(1).equalsIgnoreCase("model")) continue;
                if (row.size() != 2 || row.get(0).isBlank() || row.get(1).isBlank()) {
                    throw BadInputException.at(file.toString(), row.getRecordNumber(), "expected two names, alias,model");
                }
                String previous = names.put(key(row.get(0)), row.get(1).strip());
                if (previous != null && !key(previous).equals(key(row.get(1)))) {
                    throw BadInputException.at(file.toString(), row.getRecordNumber(), "'" + row.get(0)
                            + "' is already an alias of '" + previous + "'");
                }
            }
            return new Aliases(Map.copyOf(names));
        }

        /** The join key of a model name: its alias target if it has one, in lower case. */
        String keyOf(String name) {
            return key(names.getOrDefault(key(name), name));
        }

        private static String key(String name) {
            return name.strip().toLowerCase(Locale.ROOT);
        }
    }

    /** Keep only the rows whose {@code column} is {@code value} (one board of a file that holds several). */
    record Where(String column, String value) {
    }

    /**
     * The cells of some columns, by model key, in file order; a blank cell is null.
     *
     * @param filtered whether a {@link Where} applied (the file has its column)
     */
    record Table(Path file, Map<String, Map<String, Double>> rows, boolean filtered) {
    }

    /**
     * Reads {@code columns} of {@code file}, by model.
     *
     * @param modelColumn the column naming the model, or null for "model", else "name" (the API's CSV)
     * @param where       the rows to keep, where the file has its column; null for all
     * @throws BadInputException when the file cannot be read, lacks a column, names a model twice or holds a cell
     *                           that is neither blank nor a number
     */
    static Table read(Path file, String modelColumn, List<String> columns, Aliases aliases, Where where) {
        List<CSVRecord> records;
        List<String> header;
        try (CSVParser parser = CSVParser.parse(new StringReader(text(file)), FORMAT)) {
            header = parser.getHeaderNames();
            records = parser.getRecords();
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new BadInputException(file + ": not a CSV table with a header row: " + oneLine(e));
        }
        String model = modelColumn != null ? modelColumn : header.contains("model") || !header.contains("name") ? "model" : "name";
        for (String column : concat(model, columns)) {
            if (!header.contains(column)) {
                throw new BadInputException(file + ": no column '" + column + "'; its columns: " + String.join(", ", header));
            }
        }
        boolean filtered = where != null && header.contains(where.column());
        Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
        for (CSVRecord record : records) {
            long line = record.getRecordNumber() + 1;
            if (!record.isConsistent()) throw BadInputException.at(file.toString(), line, "expected " + header.size() + " cells, not " + record.size());
            if (filtered && !record.get(where.column()).equals(where.value())) continue;
            String name = record.get(model);
            if (name.isBlank()) throw BadInputException.at(file.toString(), line, "no model name in column '" + model + "'");
            Map<String, Double> cells = new LinkedHashMap<>();
            for (String column : columns) cells.put(column, number(record.get(column), file, line, column));
            if (rows.put(aliases.keyOf(name), cells) != null) {
                throw BadInputException.at(file.toString(), line, "model '" + name + "' appears twice (after aliases,"
                        + " ignoring case); for a file of several boards, such as a benchmark's one per judge, pick one"
                        + " with --where COLUMN=VALUE");
            }
        }
        return new Table(file, rows, filtered);
    }

    private static List<String> concat(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }

    private static Double number(String cell, Path file, long line, String column) {
        if (cell.isBlank()) return null;
        try {
            double value = Double.parseDouble(cell);
            if (Double.isFinite(value)) return value;
        } catch (NumberFormatException e) {
            // said below
        }
        throw BadInputException.at(file.toString(), line, "column '" + column + "' is not a number: '" + cell + "'");
    }

    private static List<CSVRecord> parse(Path file, CSVFormat format) {
        try (CSVParser parser = CSVParser.parse(new StringReader(text(file)), format)) {
            return parser.getRecords();
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new BadInputException(file + ": not CSV: " + oneLine(e));
        }
    }

    /** The file's text, without a byte-order mark. */
    private static String text(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (MalformedInputException e) {
            throw new BadInputException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read it: " + e.getMessage());
        }
    }

    private static String oneLine(Exception e) {
        return String.valueOf(e.getMessage()).strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
