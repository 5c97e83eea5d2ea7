package dev.tribunal.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;

/**
 * Streams the JSON objects of a file that is either JSON Lines (one object a line) or one JSON array of objects,
 * to a {@link RecordReader}, with the line each starts on. A record that cannot be read stops the import with
 * "FILE:LINE: problem", or with skip-bad is counted and skipped. In a JSON array, broken JSON syntax stops the
 * import even with skip-bad, since the parser cannot find where the next element starts.
 */
final class JsonRecords {

    /** Jackson's factory with a codec, so that readers can read a nested object as a tree. */
    static final JsonFactory FACTORY = new ObjectMapper().getFactory();

    /** Reads one record: the parser stands at its START_OBJECT and the reader leaves it at the matching END_OBJECT. */
    @FunctionalInterface
    interface RecordReader {
        void read(JsonParser object, long line) throws IOException;
    }

    private final InputFile file;
    private final boolean skipBad;
    private final ImportCounts counts;

    JsonRecords(InputFile file, boolean skipBad, ImportCounts counts) {
        this.file = file;
        this.skipBad = skipBad;
        this.counts = counts;
    }

    void forEach(RecordReader reader) throws IOException {
        try (BufferedReader in = file.openReader()) {
            if (startsWithArray(in)) readArray(in, reader);
            else readLines(in, reader);
        }
    }

    /** Whether the first character that is not white space (or a byte-order mark) is '['. */
    static boolean startsWithArray(BufferedReader in) throws IOException {
        in.mark(1 << 16);
        int c;
        int read = 0;
        do {
            c = in.read();
            read++;
        } while (c != -1 && (Character.isWhitespace(c) || c == '\uFEFF') && read < (1 << 16) - 1);
        in.reset();
        return c == '[';
    }

    private void readLines(BufferedReader in, RecordReader reader) throws IOException {
        long lineNumber = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) continue;
            counts.addRecord();
            try (JsonParser parser = FACTORY.createParser(line)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) throw new BadRecord("expected a JSON object");
                reader.read(parser, lineNumber);
                if (parser.nextToken() != null) throw new BadRecord("more than one JSON value on the line");
            } catch (JsonProcessingException e) {
                bad(lineNumber, "malformed JSON: " + e.getOriginalMessage());
            } catch (BadRecord e) {
                bad(lineNumber, e.getMessage());
            }
        }
    }

    private void readArray(BufferedReader in, RecordReader reader) throws IOException {
        try (JsonParser parser = FACTORY.createParser(in)) {
            parser.nextToken();
            JsonStreamContext array = parser.getParsingContext();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) throw new BadInputException(file.name() + ": the JSON array is not closed");
                long line = parser.currentTokenLocation().getLineNr();
                counts.addRecord();
                try {
                    if (token != JsonToken.START_OBJECT) throw new BadRecord("expected a JSON object, found " + token);
                    reader.read(parser, line);
                } catch (BadRecord e) {
                    bad(line, e.getMessage());
                    skipRestOfElement(parser, array);
                }
            }
            if (parser.nextToken() != null) throw BadInputException.at(file.name(), parser.currentTokenLocation().getLineNr(), "text after the JSON array");
        } catch (JsonProcessingException e) {
            throw BadInputException.at(file.name(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "malformed JSON: " + e.getOriginalMessage());
        }
    }

    private void skipRestOfElement(JsonParser parser, JsonStreamContext array) throws IOException {
        while (parser.getParsingContext() != array) {
            if (parser.nextToken() == null) throw new BadInputException(file.name() + ": the JSON array is not closed");
        }
    }

    private void bad(long line, String problem) {
        if (!skipBad) throw BadInputException.at(file.name(), line, problem);
        counts.addBadRecord(file.name() + ":" + line + ": " + problem);
    }

    /** The text of the current value: a string, or a number written as text; null for JSON null. */
    static String text(JsonParser parser, String field) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT) return parser.getText();
        if (token == JsonToken.VALUE_NULL) return null;
        parser.skipChildren();
        throw new BadRecord("'" + field + "' must be a string, not " + describe(token));
    }

    /** The current value as a number: a JSON number or a string holding one; NaN for JSON null. */
    static double number(JsonParser parser, String field) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) return parser.getDoubleValue();
        if (token == JsonToken.VALUE_NULL) return Double.NaN;
        if (token == JsonToken.VALUE_STRING) {
            try {
                return Double.parseDouble(parser.getText().strip());
            } catch (NumberFormatException e) {
                throw new BadRecord("'" + field + "' must be a number, not \"" + parser.getText() + "\"");
            }
        }
        parser.skipChildren();
        throw new BadRecord("'" + field + "' must be a number, not " + describe(token));
    }

    static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }
}
