package dev.tribunal.web;

import dev.tribunal.imports.DemoLoader;
import dev.tribunal.jobs.LeaderboardRefresh;
import dev.tribunal.rating.RatingOptions;
import dev.tribunal.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A database with the bundled demo (PRD Vicuna-80: five LLM judges' real critiques, human votes) and its first
 * leaderboards, built once per test run and copied for each test: loading is the slow part, copying a file is not.
 */
public final class TemplateDatabase {

    public static final Path DEMO = Path.of("data", "demo");
    public static final List<String> JUDGES = List.of("gpt4", "claude", "gpt35", "bard", "vicuna-13b");
    public static final List<String> ORGANISATIONS = List.of("OpenAI", "Anthropic", "OpenAI", "Google", "LMSYS");

    private static Path template;

    private TemplateDatabase() {
    }

    /** A fresh copy of the loaded template at {@code dir/tribunal.db}; returns its JDBC URL. */
    public static synchronized String copyInto(Path dir) {
        try {
            if (template == null) template = build();
            Path target = dir.resolve("tribunal.db");
            Files.copy(template, target);
            return "jdbc:sqlite:" + target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path build() throws IOException {
        Path dir = Files.createTempDirectory("tribunal-template");
        Path file = dir.resolve("template.db");
        try (Database db = Database.open("jdbc:sqlite:" + file)) {
            new DemoLoader(db).load(DEMO);
            // with snapshots in place, a service started on a copy computes none at start-up: tests decide when
            new LeaderboardRefresh(db, RatingOptions.defaults().withRounds(20).withStyleControl(true), Clock.systemUTC()).run();
        }
        // closing checkpointed the WAL into the file: the file alone is the database
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) Files.deleteIfExists(f);
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // a temp directory left behind
            }
        }));
        return file;
    }
}
