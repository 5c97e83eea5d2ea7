package dev.tribunal.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tribunal.imports.PrdVicuna80;
import dev.tribunal.imports.PrdVicuna80Reader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Peer Rank on the bundled PRD Vicuna-80 reviews (5 LLM reviewers × 20 ordered answer pairs × 80 questions) gives
 * the reviewer weights and weighted win rates that PRD published.
 * <p>
 * Source: bcdnlp/PRD (https://github.com/bcdnlp/PRD), {@code peer_rank/peer_ranking.ipynb} @ a0417857, the printed
 * output of the cell "Weighted Winrates for 5 iters on All Automated Reviews" ({@code normal_winrate(auto_reviews, 5)}),
 * copied below to full precision. The same weights are the paper's "Weights assigned to each Reviewer" pie chart
 * ({@code charts/reviewer_weights.html} @ fcc27342, shown on the project page bcdnlp.github.io/PR_LLM_EVAL).
 * The notebook's {@code scores} are the win rates computed in its fifth iteration, i.e. with the weights of the
 * fourth; its unweighted {@code compute_winrates(auto_reviews)} is pinned too. The notebook reads only the
 * underscore-named review files, as {@link PrdVicuna80Reader} keeps them.
 */
class PrdPeerRankTest {
    private static final Path PRD = Path.of("data/demo/prd-vicuna80");

    /** The notebook's names for the folders' model names. */
    private static final Map<String, String> NAMES = Map.of("gpt4", "gpt-4", "gpt35", "gpt-3.5", "bard", "bard",
            "claude", "claude", "vicuna-13b", "vicuna");

    @Test
    void peerRankReproducesPrdsPublishedReviewerWeights() {
        List<JudgedBattle> battles = reviews();
        assertThat(battles).hasSize(8000);

        Map<String, Double> weights = JudgeWeights.peerRank(battles);
        assertThat(weights.get("gpt-4")).isCloseTo(0.488444868709263, within(1e-12));
        assertThat(weights.get("claude")).isCloseTo(0.37666039059112444, within(1e-12));
        assertThat(weights.get("vicuna")).isCloseTo(0.08181330959511306, within(1e-12));
        assertThat(weights.get("gpt-3.5")).isCloseTo(0.05308143110449947, within(1e-12));
        assertThat(weights.get("bard")).isCloseTo(0.0, within(1e-12));

        Map<String, Double> scores = JudgeWeights.winRates(battles, JudgeWeights.peerRank(battles, 4));
        assertThat(scores.get("gpt-4")).isCloseTo(0.8020248859751706, within(1e-12));
        assertThat(scores.get("claude")).isCloseTo(0.6849775818976092, within(1e-12));
        assertThat(scores.get("vicuna")).isCloseTo(0.3762490667521628, within(1e-12));
        assertThat(scores.get("gpt-3.5")).isCloseTo(0.3461644881503264, within(1e-12));
        assertThat(scores.get("bard")).isCloseTo(0.2905839772247015, within(1e-12));
    }

    @Test
    void unweightedWinRatesAreThoseOfTheNotebook() {
        List<JudgedBattle> battles = reviews();
        Map<String, Double> plain = JudgeWeights.winRates(battles, JudgeWeights.equal(NAMES.values()));
        assertThat(plain.get("gpt-4")).isCloseTo(0.74984375, within(1e-12));
        assertThat(plain.get("claude")).isCloseTo(0.66171875, within(1e-12));
        assertThat(plain.get("vicuna")).isCloseTo(0.3934375, within(1e-12));
        assertThat(plain.get("gpt-3.5")).isCloseTo(0.37546875, within(1e-12));
        assertThat(plain.get("bard")).isCloseTo(0.31953125, within(1e-12));
    }

    /** Review score 1 = the first answer better, 2 = the second, 3 = a tie. */
    private static List<JudgedBattle> reviews() {
        PrdVicuna80 data = new PrdVicuna80Reader().read(PRD);
        return data.reviews().stream().map(r -> new JudgedBattle(NAMES.get(r.reviewer()), NAMES.get(r.first().model()),
                NAMES.get(r.second().model()), r.score() == 1 ? 1 : r.score() == 2 ? 0 : 0.5)).toList();
    }
}
