package dev.tribunal.store;

/** The DAO contract on PostgreSQL, in a fresh schema dropped afterwards. */
class PostgresStoreTest extends StoreContract {

    @Override
    TestDatabase testDatabase() {
        return PostgresSchema.create();
    }
}
