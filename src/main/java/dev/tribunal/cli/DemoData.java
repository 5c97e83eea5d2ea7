package dev.tribunal.cli;

import dev.tribunal.store.Database;
import java.nio.file.Path;

/** Loads the bundled demo (the PRD Vicuna-80 judges' critiques and human votes) into the database, idempotently. */
final class DemoData {

    private DemoData() {
    }

    /** Loads what is not loaded yet and returns one line saying what happened. */
    static String load(Database db, Path directory) {
        return "demo: the demo loader is not part of this build yet (" + directory + " not loaded)";
    }
}
