package dev.tribunal.store;

/**
 * A label to store: a person's verdict on a pair sample.
 *
 * @param outcome     for the sample's response A: 1 = A is better, 0 = B, 0.5 = a tie
 * @param externalKey unique when given: storing it again adds nothing
 */
public record PairLabel(long sampleId, double outcome, String source, String externalKey) {

    public PairLabel {
        if (!(outcome >= 0 && outcome <= 1)) throw new IllegalArgumentException("outcome must be in [0, 1]: " + outcome);
    }
}
