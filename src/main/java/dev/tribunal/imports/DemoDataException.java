package dev.tribunal.imports;

import java.nio.file.Path;

/** A demo data file is not as expected; the message names the file and line. */
public final class DemoDataException extends RuntimeException {

    public DemoDataException(Path file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }
}
