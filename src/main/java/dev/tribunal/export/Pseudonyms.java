package dev.tribunal.export;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * One export's voter labels: {@code voter-} and 8 hex digits drawn from a {@link SecureRandom} the first time a
 * voter appears (drawn again on the rare collision). They say which votes in this export came from the same
 * voter and nothing else: not derived from the cookie or its hash, and drawn afresh for every export, so two
 * exports cannot be joined on the voter. Holds one entry per distinct voter.
 */
final class Pseudonyms {

    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> byKey = new HashMap<>();
    private final Set<String> used = new HashSet<>();

    String of(String voterKey) {
        return byKey.computeIfAbsent(voterKey, k -> fresh());
    }

    private String fresh() {
        byte[] bytes = new byte[4];
        String label;
        do {
            random.nextBytes(bytes);
            label = "voter-" + HexFormat.of().formatHex(bytes);
        } while (!used.add(label));
        return label;
    }
}
