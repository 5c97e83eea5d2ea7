package dev.tribunal.judging;

import java.util.Locale;

/** Whether a judge's reply gave a verdict or score we could read without guessing. */
public enum ParseStatus {
    OK,
    /** No verdict or score could be read, or several disagreeing ones were found, even after one retry. */
    UNPARSEABLE;

    /** {@code ok} or {@code unparseable}, as stored. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
