package dev.tribunal.config;

/**
 * The configuration cannot be used; the message names the key path (and the environment variable when
 * the value came from one), e.g. {@code arena.votes_per_minute: must be > 0, got -3}.
 */
public final class ConfigException extends RuntimeException {

    private final String path;

    public ConfigException(String path, String problem) {
        super(path.isEmpty() ? problem : path + ": " + problem);
        this.path = path;
    }

    public ConfigException(String path, String problem, Throwable cause) {
        super(path.isEmpty() ? problem : path + ": " + problem, cause);
        this.path = path;
    }

    /** The dotted key path, e.g. "arena.votes_per_minute"; empty for the whole file. */
    public String path() {
        return path;
    }

    static void require(boolean ok, String path, String rule, Object got) {
        if (!ok) throw new ConfigException(path, rule + ", got " + got);
    }
}
