package dev.tribunal.cli;

import dev.tribunal.config.ConfigException;
import dev.tribunal.config.TribunalConfig;
import dev.tribunal.imports.BadInputException;
import dev.tribunal.imports.BattleFormat;
import dev.tribunal.imports.BattleImporter;
import dev.tribunal.imports.ImportCounts;
import dev.tribunal.imports.ImportSettings;
import dev.tribunal.imports.StyleTable;
import dev.tribunal.llm.Sha256;
import dev.tribunal.rating.Battle;
import dev.tribunal.store.BattleRow;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tribunal import FILE… --source NAME}: loads the battles of {@code tribunal rate}'s formats into the store
 * as a named source of model battles, so that they appear on the models board (after the next refresh). Each
 * battle's external key is the source, a hash of the battle, and its count among equal battles, so importing the
 * same files again adds nothing.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Loads battles (the formats of 'tribunal rate') into the store as a named source of model battles.",
        exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 1)
public final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigFile config;

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "files, or directories read recursively")
    List<Path> inputs;

    @Option(names = "--source", required = true, paramLabel = "NAME", description = "the source the battles are stored as")
    String source;

    @Option(names = "--format", paramLabel = "FORMAT", converter = RateCommand.FormatConverter.class,
            description = "auto (default), arena-hard, battles, alpaca-eval or csv")
    BattleFormat format;

    @Option(names = "--baseline", paramLabel = "NAME", description = "the model that is A in game 1 (Arena-Hard judgments)")
    String baseline;

    @Option(names = "--strong-weight", paramLabel = "W", defaultValue = "3",
            description = "weight of a strong Arena-Hard verdict (default 3)")
    double strongWeight;

    @Option(names = "--skip-bad", description = "count and skip malformed records instead of stopping at the first")
    boolean skipBad;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> env = System.getenv();
        try {
            if (source.isBlank() || source.startsWith("baseline:")) {
                throw new BadInputException("--source must be a name not starting with 'baseline:' (those are the"
                        + " baseline benchmark's own boards): '" + source + "'");
            }
            List<BattleRow> rows = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            ImportCounts counts = new BattleImporter(new ImportSettings(baseline, strongWeight, null, skipBad,
                    StyleTable.EMPTY)).read(inputs, format, battle -> rows.add(row(battle, seen)));
            if (rows.isEmpty()) throw new BadInputException("no battles in " + counts.records() + " record(s)");
            TribunalConfig configured = config.load(env);
            int inserted;
            try (Database db = Database.open(configured.database().connectionSettings(env), Clock.systemUTC())) {
                inserted = db.battles().insertAll(rows);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(String.format(Locale.ROOT, "%s: %d battles read, %d new", source, rows.size(), inserted));
            counts.notes().forEach(note -> err.println("note: " + note));
            out.flush();
            return 0;
        } catch (BadInputException | ConfigException | IllegalArgumentException e) {
            err.println("tribunal import: " + e.getMessage());
            return 2;
        } finally {
            err.flush();
        }
    }

    private BattleRow row(Battle b, Map<String, Integer> seen) {
        String fingerprint = Sha256.hex(String.join("\u0000", b.a(), b.b(), Double.toString(b.outcome()),
                Double.toString(b.weight()), String.valueOf(b.category()), Long.toString(b.time()))).substring(0, 24);
        int n = seen.merge(fingerprint, 1, Integer::sum);
        // a source's battles are undated in most files: keep their order with their position as milliseconds
        return new BattleRow(0, ContestantKind.MODEL, b.a(), b.b(), b.outcome(), b.weight(), source, b.category(),
                Instant.ofEpochMilli(b.time()), b.styleA(), b.styleB(), null, source + ":" + fingerprint + ":" + n);
    }
}
