package dev.tribunal.llm;

/** The {@code llm:} section of the configuration is wrong; the message starts with the offending key. */
public final class LlmConfigException extends IllegalArgumentException {

    private final String key;

    public LlmConfigException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
    }

    /** The full key, e.g. {@code llm.endpoints[0].parallel}. */
    public String key() {
        return key;
    }
}
