package dev.tribunal.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tribunal.store.BattleFilter;
import dev.tribunal.store.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoLoaderSqliteTest extends DemoLoaderContract {

    @TempDir
    static Path dir;

    @Override
    TestDatabase testDatabase() {
        return TestDatabase.sqlite(dir.resolve("demo.db"));
    }

    @Test
    void aReopenedDatabaseIsNotLoadedTwice() {
        db.close();
        db = where.open();
        assertThat(new DemoLoader(db).load(DEMO)).isEqualTo(new DemoLoad(0, 0, 0, 0));
        assertThat(db.battles().count(BattleFilter.all())).isEqualTo(31_040);
    }
}
