package dev.tribunal.imports;

/**
 * Input that cannot be read as battles: a malformed line, an unknown format, a missing baseline. The message is
 * one line meant for the person who gave the input, naming the file and line where there is one.
 */
public final class BadInputException extends RuntimeException {

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A problem at one line of one file, as "FILE:LINE: what is wrong". */
    public static BadInputException at(String file, long line, String problem) {
        return new BadInputException(file + ":" + line + ": " + problem);
    }
}
