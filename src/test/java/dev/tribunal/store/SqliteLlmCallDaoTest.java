package dev.tribunal.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteLlmCallDaoTest extends LlmCallDaoContract {

    @TempDir
    Path dir;

    @Override
    Database openDatabase() {
        return Database.open("jdbc:sqlite:" + dir.resolve("calls.db"));
    }

    @Override
    void dropDatabase() {
        // the temp dir goes with the test
    }
}
