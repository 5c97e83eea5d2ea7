package dev.tribunal.store;

/** The llm_calls contract on PostgreSQL, in a fresh schema dropped afterwards (skipped without a server). */
class PostgresLlmCallDaoTest extends LlmCallDaoContract {

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
