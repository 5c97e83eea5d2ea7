package dev.tribunal.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streams the JSON objects of a file that is either JSON Lines (one object a line) or one JSON array of objects,
 * to a {@link RecordReader}, with the line each starts on. A record that cannot be read stops the import with
 * "FILE:LINE: problem", or with skip-bad is counted and skipped.
 * <p>
 * JSON Lines go through one streaming parser for speed (a fresh parser per line costs twice as much). When a bad
 * record runs past its own line (a line cut short swallows the next), the rest of the file, from the line after
 * the bad record's first, is read with a parser per line, so each line stands or falls on its own, as JSON Lines
 * mean. In a JSON
 * array, broken syntax stops the import even with skip-bad, since nothing tells where the next element starts.
 */
final class JsonRecords {

    /**
     * Jackson's streaming factory, without an ObjectMapper behind it: making one costs ~0.18 s of a cold start, and
     * reading battle rows needs none. {@link #tree} makes it when a reader first asks for a tree.
     */
    static final JsonFactory FACTORY = new JsonFactory();

    /** The value the parser stands at, as a tree. */
    static <T extends TreeNode> T tree(JsonParser parser) throws IOException {
        if (parser.getCodec() == null) parser.setCodec(Trees.MAPPER);
        return parser.readValueAsTree();
    }

    /** Made the first time a tree is read (the holder idiom: class initialisation is lazy and thread-safe). */
    private static final class Trees {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private static final int PEEK_LIMIT = 1 << 16;
    private static final String CUT_SHORT = " (the record does not end on its line: is the line cut short?)";

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
        boolean array;
        try (InputStream in = file.openStream()) {
            array = startsWithArray(in);
        }
        if (array) {
            try (InputStream in = file.openStream()) {
                readArray(in, reader);
            }
            return;
        }
        long resumeAt = readStream(reader);
        if (resumeAt > 0) readLineByLine(resumeAt, reader);
    }

    /** Whether the first byte that is not white space (or a UTF-8 byte-order mark) is '['; leaves the stream where it was. */
    static boolean startsWithArray(InputStream in) throws IOException {
        in.mark(PEEK_LIMIT);
        try {
            for (int read = 0; read < PEEK_LIMIT; read++) {
                int c = in.read();
                if (c == '[') return true;
                if (c == -1 || !(Character.isWhitespace(c) || c == 0xEF || c == 0xBB || c == 0xBF)) return false;
            }
            return false;
        } finally {
            in.reset();
        }
    }

    /**
     * Reads JSON Lines with one parser until the end (returns 0) or until a bad record whose text went past its
     * first line (returns the line to go on at).
     */
    private long readStream(RecordReader reader) throws IOException {
        try (InputStream in = file.openStream()) {
            try (JsonParser parser = FACTORY.createParser(in)) {
                while (true) {
                    JsonToken token;
                    try {
                        token = parser.nextToken();
                    } catch (JsonProcessingException e) {
                        long line = lineOf(e);
                        counts.addRecord();
                        bad(line, "malformed JSON: " + e.getOriginalMessage());
                        return line + 1;
                    }
                    if (token == null) return 0;
                    long line = tokenLine(parser);
                    counts.addRecord();
                    try {
                        if (token != JsonToken.START_OBJECT) {
                            parser.skipChildren();
                            throw new BadRecord("expected a JSON object");
                        }
                        reader.read(parser, line);
                    } catch (BadRecord e) {
                        boolean spilled = parser.currentLocation().getLineNr() > line;
                        bad(line, e.getMessage() + (spilled ? CUT_SHORT : ""));
                        if (spilled || !skipToRoot(parser) || parser.currentLocation().getLineNr() > line) return line + 1;
                    } catch (JsonProcessingException e) {
                        boolean spilled = lineOf(e) > line;
                        bad(line, "malformed JSON: " + e.getOriginalMessage() + (spilled ? CUT_SHORT : ""));
                        return line + 1;
                    }
                }
            }
        }
    }

    /** Reads JSON Lines from line {@code first} on with a parser per line: slower, but no line can spoil the next. */
    private void readLineByLine(long first, RecordReader reader) throws IOException {
        try (BufferedReader in = file.openReader()) {
            long number = 0;
            String line;
            while ((line = in.readLine()) != null) {
                if (++number < first || line.isBlank()) continue;
                counts.addRecord();
                try (JsonParser parser = FACTORY.createParser(line)) {
                    if (parser.nextToken() != JsonToken.START_OBJECT) throw new BadRecord("expected a JSON object");
                    reader.read(parser, number);
                    if (parser.nextToken() != null) throw new BadRecord("more than one JSON value on the line");
                } catch (JsonProcessingException e) {
                    bad(number, "malformed JSON: " + e.getOriginalMessage());
                } catch (BadRecord e) {
                    bad(number, e.getMessage());
                }
            }
        }
    }

    /** Skips the rest of a bad root-level record; false if its syntax is broken too. */
    private static boolean skipToRoot(JsonParser parser) throws IOException {
        try {
            while (!parser.getParsingContext().inRoot()) {
                if (parser.nextToken() == null) return false;
            }
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** The line the current token starts on; without making a JsonLocation per record where the parser allows. */
    private static long tokenLine(JsonParser parser) {
        return parser instanceof ParserBase base ? base.getTokenLineNr() : parser.currentTokenLocation().getLineNr();
    }

    private static long lineOf(JsonProcessingException e) {
        return e.getLocation() == null ? 1 : e.getLocation().getLineNr();
    }

    private void readArray(InputStream in, RecordReader reader) throws IOException {
        try (JsonParser parser = FACTORY.createParser(in)) {
            parser.nextToken();
            JsonStreamContext array = parser.getParsingContext();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) throw new BadInputException(file.name() + ": the JSON array is not closed");
                long line = parser.currentTokenLocation().getLineNr();
                counts.addRecord();
                try {
                    if (token != JsonToken.START_OBJECT) throw new BadRecord("expected a JSON object, found " + describe(token));
                    reader.read(parser, line);
                } catch (BadRecord e) {
                    bad(line, e.getMessage());
                    skipRestOfElement(parser, array);
                }
            }
            if (parser.nextToken() != null) throw BadInputException.at(file.name(), parser.currentTokenLocation().getLineNr(), "text after the JSON array");
        } catch (JsonProcessingException e) {
            throw BadInputException.at(file.name(), lineOf(e), "malformed JSON: " + e.getOriginalMessage());
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
