package dev.tribunal.rating;

import java.util.Locale;

/**
 * The unit that battles share and that makes them dependent, which the cluster bootstrap resamples instead of
 * battles: the question (benchmark games, judgments of one prompt), the voter (arena votes), the sample (one
 * human label, or one pair of answers, behind several battles).
 */
public enum ClusterBy {
    NONE, QUESTION, VOTER, SAMPLE;

    /** "question", "voter", "sample", or "none". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
