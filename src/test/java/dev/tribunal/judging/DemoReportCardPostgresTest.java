package dev.tribunal.judging;

import dev.tribunal.store.PostgresSchema;
import dev.tribunal.store.TestDatabase;

/** The same report card with the store on PostgreSQL (skipped without one unless CI=true). */
class DemoReportCardPostgresTest extends DemoReportCardTest {

    @Override
    TestDatabase testDatabase() {
        return PostgresSchema.create();
    }
}
