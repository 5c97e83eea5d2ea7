package dev.tribunal.imports;

import dev.tribunal.store.PostgresSchema;
import dev.tribunal.store.TestDatabase;

class DemoLoaderPostgresTest extends DemoLoaderContract {

    @Override
    TestDatabase testDatabase() {
        return PostgresSchema.create();
    }
}
