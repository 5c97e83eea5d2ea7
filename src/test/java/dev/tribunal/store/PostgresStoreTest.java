package dev.tribunal.store;

/** The DAO contract on PostgreSQL, in a fresh schema dropped afterwards. */
class PostgresStoreTest extends StoreContract {

    private PostgresSchema schema;

    @Override
    Database openDatabase() {
        schema = PostgresSchema.create();
        return Database.open(schema.url());
    }

    @Override
    void dropDatabase() {
        if (schema != null) schema.close();
    }
}
