package dev.tribunal.export;

import java.util.HashMap;
import java.util.Map;

/**
 * voter-1, voter-2, … in order of first appearance, valid within one export only: the numbers say which votes
 * came from the same voter and nothing else (not the cookie, not its hash). Holds one entry per distinct voter.
 */
final class Pseudonyms {

    private final Map<String, String> byKey = new HashMap<>();

    String of(String voterKey) {
        return byKey.computeIfAbsent(voterKey, k -> "voter-" + (byKey.size() + 1));
    }
}
