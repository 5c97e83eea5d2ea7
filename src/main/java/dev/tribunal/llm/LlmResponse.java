package dev.tribunal.llm;

/**
 * A model's reply and what it cost.
 *
 * @param text         the reply
 * @param inputTokens  prompt tokens as the provider counted them (estimated when the provider reports none)
 * @param outputTokens completion tokens
 * @param latencyMs    the provider's time for the answering attempt (for a cached reply: the original's)
 * @param cost         what this call cost: 0 when answered from the cache
 * @param cached       answered from the stored response without calling the provider
 * @param attempts     provider calls made (0 when cached)
 * @param requestKey   the SHA-256 (hex) over endpoint, model, messages and parameters that keys the cache
 */
public record LlmResponse(String text, int inputTokens, int outputTokens, long latencyMs, double cost, boolean cached,
                          int attempts, String requestKey) {
}
