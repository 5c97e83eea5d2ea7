package dev.tribunal.arena;

/**
 * What the judges judged: a user input and either one response (kind single, judged with a score) or two
 * (kind pair, judged with a verdict A&gt;B, A=B, …). The models that wrote the responses are revealed only
 * after the vote.
 *
 * @param id        the store's id; never sent to a browser
 * @param model     the model of {@code response} (single), or null
 * @param modelA    the model of {@code responseA} (pair), or null
 * @param modelB    the model of {@code responseB} (pair), or null
 * @param live      submitted by a person or generated, so judged by the live LLM judges (not a stored demo sample)
 */
public record ArenaSample(long id, Kind kind, String input, String response, String responseA, String responseB,
                          String reference, String category, String model, String modelA, String modelB,
                           boolean live) {

    public enum Kind {
        SINGLE("single"), PAIR("pair");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
