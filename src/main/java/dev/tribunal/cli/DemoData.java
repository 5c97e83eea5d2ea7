package dev.tribunal.cli;

import dev.tribunal.imports.DemoLoad;
import dev.tribunal.imports.DemoLoader;
import dev.tribunal.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads the bundled demo (the PRD Vicuna-80 judges' critiques and human votes) into the database, idempotently. */
final class DemoData {

    private DemoData() {
    }

    /** Loads what is not loaded yet and returns one line saying what happened. */
    static String load(Database db, Path directory) {
        if (!Files.isDirectory(directory)) {
            // the jar started outside the repository: say how to get the demo instead of an empty arena without a word
            return "demo: " + directory.toAbsolutePath() + " does not exist; starting without the demo data (the arena"
                    + " has nothing to judge). Start Tribunal from the repository's folder (scripts/run), or point"
                    + " demo.path (environment: TRIBUNAL_DEMO_PATH) at the repository's data/demo.";
        }
        DemoLoad added = new DemoLoader(db).load(directory);
        if (added.equals(new DemoLoad(0, 0, 0, 0))) return "demo: already loaded from " + directory;
        return "demo: loaded " + added.contestants() + " contestants, " + added.samples() + " samples, "
                + added.evaluations() + " evaluations and " + added.battles() + " battles from " + directory;
    }
}
