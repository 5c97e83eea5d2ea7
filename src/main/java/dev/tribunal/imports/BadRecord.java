package dev.tribunal.imports;

/** One record cannot be read; {@link JsonRecords} and the CSV reader add the file and line, or skip it. */
final class BadRecord extends RuntimeException {

    BadRecord(String problem) {
        super(problem, null, false, false);
    }
}
