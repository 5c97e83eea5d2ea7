package dev.tribunal.imports;

import java.util.ArrayList;
import java.util.List;

/** What an import read and what it left out, and why; {@link #notes()} says it in sentences. */
public final class ImportCounts {
    private long files;
    private long records;
    private long battles;
    private double weight;
    private long withStyle;
    private long badRecords;
    private String firstBadRecord;
    private long missingVerdicts;
    private long selfComparisons;
    private long otherCategory;
    private final List<String> leftOut = new ArrayList<>();

    void addFile() {
        files++;
    }

    void addRecord() {
        records++;
    }

    void addBattle(double battleWeight, boolean hasStyle) {
        battles++;
        weight += battleWeight;
        if (hasStyle) withStyle++;
    }

    void addBadRecord(String where) {
        if (badRecords++ == 0) firstBadRecord = where;
    }

    void addMissingVerdict() {
        missingVerdicts++;
    }

    void addSelfComparison() {
        selfComparisons++;
    }

    void addOtherCategory() {
        otherCategory++;
    }

    /** Records of a kind the format holds but does not rate, e.g. "7040 human vote(s) (why)". */
    void addLeftOut(String what) {
        leftOut.add(what);
    }

    /** Files read. */
    public long files() {
        return files;
    }

    /** Records (lines, array elements, CSV rows) read, including those skipped. */
    public long records() {
        return records;
    }

    /** Battles passed on. */
    public long battles() {
        return battles;
    }

    /** The summed weight of the battles passed on. */
    public double weight() {
        return weight;
    }

    /** Battles passed on with both answers' styles known. */
    public long battlesWithStyle() {
        return withStyle;
    }

    /** Malformed records skipped (only with skip-bad; otherwise the first one stops the import). */
    public long badRecords() {
        return badRecords;
    }

    /** Games or annotations without a verdict (null score, null preference), skipped. */
    public long missingVerdicts() {
        return missingVerdicts;
    }

    /** Arena-Hard judgments of the baseline against itself, ignored. */
    public long selfComparisons() {
        return selfComparisons;
    }

    /** Battles left out because their category is not the one asked for. */
    public long otherCategory() {
        return otherCategory;
    }

    /** One sentence per thing left out, for the person who ran the import. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (badRecords > 0) {
            notes.add("skipped " + badRecords + " malformed record(s); the first: " + firstBadRecord);
        }
        if (missingVerdicts > 0) notes.add("skipped " + missingVerdicts + " game(s) or annotation(s) without a verdict");
        if (selfComparisons > 0) notes.add("ignored " + selfComparisons + " judgment(s) of the baseline against itself");
        if (otherCategory > 0) notes.add("left out " + otherCategory + " battle(s) of other categories");
        for (String what : leftOut) notes.add("left out " + what);
        return notes;
    }
}
