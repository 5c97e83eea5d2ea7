package dev.tribunal.imports;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV with a header: model_a, model_b, winner (winner as in {@link Winner}), or left, right, winner as in
 * LLMFAO's crowd comparisons. Optional columns: weight (default 1), category, tstamp (seconds since the epoch, else
 * the row's position is the time), question_id (to look styles up in the style file). Column names ignore case.
 */
final class CsvBattleReader implements FormatReader {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true).setTrim(true).get();

    private record Columns(String a, String b) {
    }

    @Override
    public void read(InputFile file, ImportSettings settings, BattleSink sink) throws IOException {
        try (Reader in = file.openReader(); CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
            Columns columns = columns(file, parser.getHeaderMap());
            Iterator<CSVRecord> records = parser.iterator();
            long line = parser.getCurrentLineNumber() + 1;
            try {
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    sink.counts().addRecord();
                    try {
                        readRow(record, columns, settings.styles(), sink);
                    } catch (BadRecord e) {
                        if (!settings.skipBad()) throw BadInputException.at(file.name(), line, e.getMessage());
                        sink.counts().addBadRecord(file.name() + ":" + line + ": " + e.getMessage());
                    }
                    line = parser.getCurrentLineNumber() + 1;
                }
            } catch (UncheckedIOException e) {
                throw BadInputException.at(file.name(), line, "malformed CSV: " + e.getCause().getMessage());
            }
        }
    }

    private static Columns columns(InputFile file, Map<String, Integer> header) {
        if (header == null) throw new BadInputException(file.name() + ": empty file");
        if (has(header, "model_a", "model_b", "winner")) return new Columns("model_a", "model_b");
        if (has(header, "left", "right", "winner")) return new Columns("left", "right");
        throw new BadInputException(file.name() + ": a battle CSV needs the columns model_a, model_b, winner"
                + " (or left, right, winner); found " + header.keySet());
    }

    private static boolean has(Map<String, Integer> header, String... names) {
        for (String name : names) {
            if (header.keySet().stream().noneMatch(name::equalsIgnoreCase)) return false;
        }
        return true;
    }

    private static void readRow(CSVRecord record, Columns columns, StyleTable styles, BattleSink sink) {
        String a = cell(record, columns.a());
        String b = cell(record, columns.b());
        double outcome = Winner.outcome(cell(record, "winner"));
        String weightText = cell(record, "weight");
        double weight = weightText == null ? 1 : parse(weightText, "weight");
        String tstamp = cell(record, "tstamp");
        long time = tstamp == null ? sink.position() : Math.round(parse(tstamp, "tstamp") * 1000);
        var style = styles.pair(cell(record, "question_id"), a, b);
        String voter = cell(record, "voter") != null ? cell(record, "voter") : cell(record, "judge");
        sink.emit(a, b, outcome, weight, cell(record, "category"), time, style[0], style[1],
                new BattleSink.Units(cell(record, "question_id"), voter, cell(record, "sample_id")));
    }

    /** The cell of a column, or null when the column is absent, the row too short, or the cell empty. */
    private static String cell(CSVRecord record, String column) {
        if (!record.isMapped(column)) return null;
        if (!record.isSet(column)) throw new BadRecord("the row has no '" + column + "' cell");
        String value = record.get(column);
        return value.isEmpty() ? null : value;
    }

    private static double parse(String text, String column) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new BadRecord("'" + column + "' must be a number, not \"" + text + "\"");
        }
    }
}
