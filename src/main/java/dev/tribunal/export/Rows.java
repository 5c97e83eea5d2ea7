package dev.tribunal.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The two shapes every export streams its rows in, one row in memory at a time: JSON Lines (one object per line)
 * and CSV (RFC 4180 with a header). The output stream is not closed.
 */
final class Rows {

    private static final JsonFactory JSON = new JsonFactory();

    /** Writes one row. */
    @FunctionalInterface
    interface Writer<W, T> {
        void write(W out, T row) throws IOException;
    }

    private Rows() {
    }

    /** Streams {@code source}'s rows as JSON Lines; returns how many. */
    static <T> long jsonLines(OutputStream out, Consumer<Consumer<T>> source, Writer<JsonGenerator, T> row)
            throws IOException {
        long[] count = {0};
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.setRootValueSeparator(null);
            source.accept(r -> {
                try {
                    row.write(json, r);
                    json.writeRaw('\n');
                    count[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return count[0];
    }

    /** Streams {@code source}'s rows as CSV under {@code header}; returns how many. */
    static <T> long csv(OutputStream out, String[] header, Consumer<Consumer<T>> source, Writer<CSVPrinter, T> row)
            throws IOException {
        long[] count = {0};
        CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(header).get()
                .print(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        try {
            source.accept(r -> {
                try {
                    row.write(csv, r);
                    count[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
        return count[0];
    }

    /** The UTC day of a time, e.g. 2026-11-30: the finest time an export gives. */
    static String day(Instant time) {
        return LocalDate.ofInstant(time, ZoneOffset.UTC).toString();
    }
}
