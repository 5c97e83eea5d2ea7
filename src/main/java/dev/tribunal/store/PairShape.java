package dev.tribunal.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Two answers as a judge was shown them: which pair they are, whatever the order, and in which order they came.
 *
 * @param pairKey   the same for both orders of the same two answers to the same input
 * @param canonical true when A (shown first) is the pair's canonical first answer: the two orders of a pair have
 *                  opposite values, so a verdict turned to the canonical order is comparable across them
 * @param modelA    the model that wrote A (shown first), or null when unknown
 * @param lengthA   A's length in characters
 * @param category  the sample's or question's category, or null
 */
public record PairShape(String pairKey, boolean canonical, String modelA, String modelB, int lengthA, int lengthB,
                        String category) {

    /** A pair sample: the key is a hash of the input and the two responses in text order. */
    static PairShape ofSample(String input, String responseA, String responseB, String modelA, String modelB,
                              String category) {
        boolean canonical = responseA.compareTo(responseB) <= 0;
        String first = canonical ? responseA : responseB;
        String second = canonical ? responseB : responseA;
        return new PairShape("s:" + sha256(input + '\0' + first + '\0' + second), canonical, modelA, modelB,
                responseA.length(), responseB.length(), category);
    }

    /** Two benchmark answers to a question: the key names the question and both answers, smaller id first. */
    static PairShape ofAnswers(long questionId, long answerA, long answerB, String modelA, String modelB, int lengthA,
                               int lengthB, String category) {
        boolean canonical = answerA <= answerB;
        return new PairShape("q" + questionId + ":" + Math.min(answerA, answerB) + ":" + Math.max(answerA, answerB),
                canonical, modelA, modelB, lengthA, lengthB, category);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
