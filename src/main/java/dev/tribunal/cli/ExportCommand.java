package dev.tribunal.cli;

import dev.tribunal.config.ConfigException;
import dev.tribunal.config.TribunalConfig;
import dev.tribunal.export.CollectiveVoteExport;
import dev.tribunal.export.ExportFormat;
import dev.tribunal.export.StoredVotes;
import dev.tribunal.export.VoteExport;
import dev.tribunal.store.Database;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tribunal export}: every arena vote, anonymised (voters get labels drawn at random for this export, times
 * are cut to the UTC day),
 * with the sample, both evaluations and the judges' names — the same file as {@code GET /api/export/votes}. With
 * {@code --collective}, every collective vote instead (the same file as {@code GET /api/export/collective-votes}).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes every arena vote, anonymised, as JSON Lines or CSV.")
public final class ExportCommand implements Callable<Integer> {

    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl (default) or csv.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write (default: standard output).")
    Path out;

    @Option(names = "--collective", description = "The collective benchmark's votes (models rating questions and "
            + "answers) instead of the arena's.")
    boolean collective;

    @Mixin
    ConfigFile config;

    @Override
    public Integer call() throws IOException {
        ExportFormat exportFormat;
        TribunalConfig loaded;
        try {
            exportFormat = ExportFormat.parse(format);
            loaded = config.load(System.getenv());
        } catch (IllegalArgumentException | ConfigException e) {
            System.err.println("tribunal export: " + e.getMessage());
            return 2;
        }
        Map<String, String> env = System.getenv();
        try (Database db = Database.open(loaded.database().connectionSettings(env), Clock.systemUTC())) {
            long votes;
            if (out == null) {
                votes = write(db, exportFormat, collective, System.out);   // standard output stays open
            } else {
                try (OutputStream file = Files.newOutputStream(out)) {
                    votes = write(db, exportFormat, collective, file);
                }
            }
            System.err.println("exported " + votes + (collective ? " collective" : "") + " votes"
                    + (out == null ? "" : " to " + out));
        }
        return 0;
    }

    private static long write(Database db, ExportFormat format, boolean collective, OutputStream target)
            throws IOException {
        BufferedOutputStream buffered = new BufferedOutputStream(target, 1 << 16);
        long votes = collective ? new CollectiveVoteExport(db).write(format, buffered)
                : new VoteExport(new StoredVotes(db)).write(format, buffered);
        buffered.flush();
        return votes;
    }
}
