package dev.tribunal.imports;

import dev.tribunal.rating.Battle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads other systems' files into battles, streaming each battle to a sink as it is read (nothing is kept), so a
 * million rows take no more memory than the sink keeps. Formats: {@link BattleFormat}; each file's format is told
 * from its name and first record unless one is given; a PRD Vicuna-80 directory is read as a whole, with
 * {@link BattleFormat#PRD}. Directories are read recursively (.jsonl, .json, .csv, and
 * each gzipped). Bad input throws {@link BadInputException} naming the file and line, unless
 * {@link ImportSettings#skipBad()}, when it is counted in the returned {@link ImportCounts}.
 */
public final class BattleImporter {

    private final ImportSettings settings;

    public BattleImporter(ImportSettings settings) {
        this.settings = settings;
    }

    /**
     * Reads every file (or directory) into {@code sink}.
     *
     * @param format the files' format, or null to tell each file's own
     */
    public ImportCounts read(List<Path> paths, BattleFormat format, Consumer<Battle> sink) {
        ImportCounts counts = new ImportCounts();
        BattleSink battles = new BattleSink(sink, settings.category(), settings.clusterBy(), counts);
        if (format == BattleFormat.PRD) {
            for (Path dir : paths) {
                new PrdReviewReader().read(dir, battles);
                counts.addFile();
            }
            return counts;
        }
        for (InputFile file : InputFile.expand(paths)) {
            try {
                BattleFormat fileFormat = format != null ? format : FormatDetector.detect(file);
                reader(fileFormat).read(file, settings, battles);
                counts.addFile();
            } catch (IOException e) {
                throw new BadInputException(file.name() + ": cannot read it: " + e.getMessage(), e);
            }
        }
        return counts;
    }

    /** The format of one file, as {@link #read} would take it. */
    public static BattleFormat detect(Path file) {
        InputFile input = new InputFile(file);
        try {
            return FormatDetector.detect(input);
        } catch (IOException e) {
            throw new BadInputException(input.name() + ": cannot read it: " + e.getMessage(), e);
        }
    }

    private static FormatReader reader(BattleFormat format) {
        return switch (format) {
            case ARENA_HARD_JUDGMENTS -> new ArenaHardJudgmentReader();
            case BATTLE_ROWS -> new BattleRowReader();
            case ALPACA_EVAL -> new AlpacaEvalReader();
            case CSV -> new CsvBattleReader();
            case PRD -> throw new BadInputException("a PRD directory is read as a whole: give --format prd and the directory");
        };
    }
}
