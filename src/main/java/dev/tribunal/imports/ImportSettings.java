package dev.tribunal.imports;

import dev.tribunal.rating.Battle;
import dev.tribunal.rating.ClusterBy;

/**
 * How {@link BattleImporter} turns records into battles.
 *
 * @param baseline     the model that is A in game 1 of Arena-Hard judgments (required there), else null
 * @param strongWeight the weight of a strong Arena-Hard verdict ("A>>B", "B>>A"); Arena-Hard uses 3
 * @param category     keep only battles of this category, or null for all
 * @param skipBad      count and skip malformed records instead of stopping at the first
 * @param styles       answer styles from a separate file, looked up by (question, model); {@link StyleTable#EMPTY} for none
 * @param clusterBy    the unit each battle is tagged with ({@link Battle#unit()}), for the cluster bootstrap:
 *                     the question (question_id or uid), the voter (a battle row's or CSV's judge or voter), the
 *                     sample (an Arena-Hard judgment's question and model, both of its games; a CSV's sample_id)
 */
public record ImportSettings(String baseline, double strongWeight, String category, boolean skipBad, StyleTable styles,
                             ClusterBy clusterBy) {

    public static final double ARENA_HARD_STRONG_WEIGHT = 3;

    public ImportSettings {
        if (!(strongWeight > 0) || Double.isInfinite(strongWeight)) {
            throw new BadInputException("--strong-weight must be a positive number: " + strongWeight);
        }
        if (styles == null) styles = StyleTable.EMPTY;
        if (clusterBy == null) clusterBy = ClusterBy.NONE;
    }

    public ImportSettings(String baseline, double strongWeight, String category, boolean skipBad, StyleTable styles) {
        this(baseline, strongWeight, category, skipBad, styles, ClusterBy.NONE);
    }

    public ImportSettings withClusterBy(ClusterBy kind) {
        return new ImportSettings(baseline, strongWeight, category, skipBad, styles, kind);
    }

    public static ImportSettings defaults() {
        return new ImportSettings(null, ARENA_HARD_STRONG_WEIGHT, null, false, StyleTable.EMPTY);
    }

    public ImportSettings withBaseline(String name) {
        return new ImportSettings(name, strongWeight, category, skipBad, styles);
    }

    public ImportSettings withStrongWeight(double weight) {
        return new ImportSettings(baseline, weight, category, skipBad, styles);
    }

    public ImportSettings withCategory(String name) {
        return new ImportSettings(baseline, strongWeight, name, skipBad, styles);
    }

    public ImportSettings withSkipBad(boolean skip) {
        return new ImportSettings(baseline, strongWeight, category, skip, styles);
    }

    public ImportSettings withStyles(StyleTable table) {
        return new ImportSettings(baseline, strongWeight, category, skipBad, table);
    }
}
