package dev.tribunal.rating;

import java.util.Locale;

/** How the judges of a multi-judge evaluation are weighted; see {@link JudgeWeights} for each rule's formula. */
public enum WeightRule {
    /** Every judge counts the same: w_j = 1 / k. */
    EQUAL("equal"),
    /** AutoBench: a judge's weight follows its own score as a contestant, w_j = s_j / Σ s. */
    AUTOBENCH("autobench"),
    /** PRD's Peer Rank (arXiv 2307.02762): weights from the judges' own weighted win rates, min-max normalised. */
    PEER_RANK("peer-rank");

    private final String cliName;

    WeightRule(String cliName) {
        this.cliName = cliName;
    }

    /** The name the CLI and the configuration use: equal, autobench, peer-rank. */
    public String cliName() {
        return cliName;
    }

    /**
     * The rule named {@code name}: equal, autobench or peer-rank, in any case, with '_' or '-' or nothing between
     * peer and rank.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code name} is none of them
     */
    public static WeightRule parse(String name) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (key) {
            case "equal" -> EQUAL;
            case "autobench" -> AUTOBENCH;
            case "peer-rank", "peerrank" -> PEER_RANK;
            default -> throw new IllegalArgumentException("unknown judge weight rule '" + name
                    + "': expected equal, autobench or peer-rank");
        };
    }
}
