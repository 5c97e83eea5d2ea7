package dev.tribunal.imports;

/**
 * How {@link BattleImporter} turns records into battles.
 *
 * @param baseline     the model that is A in game 1 of Arena-Hard judgments (required there), else null
 * @param strongWeight the weight of a strong Arena-Hard verdict ("A>>B", "B>>A"); Arena-Hard uses 3
 * @param category     keep only battles of this category, or null for all
 * @param skipBad      count and skip malformed records instead of stopping at the first
 * @param styles       answer styles from a separate file, looked up by (question, model); {@link StyleTable#EMPTY} for none
 */
public record ImportSettings(String baseline, double strongWeight, String category, boolean skipBad, StyleTable styles) {

    public static final double ARENA_HARD_STRONG_WEIGHT = 3;

    public ImportSettings {
        if (!(strongWeight > 0) || Double.isInfinite(strongWeight)) {
            throw new BadInputException("--strong-weight must be a positive number: " + strongWeight);
        }
        if (styles == null) styles = StyleTable.EMPTY;
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
