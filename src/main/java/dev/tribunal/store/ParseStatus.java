package dev.tribunal.store;

/** Whether a judge's raw output could be parsed into a verdict or score (codes ok, unparseable, error). */
public enum ParseStatus implements Coded {
    OK, UNPARSEABLE, ERROR;

    public static ParseStatus of(String code) {
        return Coded.parse(ParseStatus.class, code);
    }
}
