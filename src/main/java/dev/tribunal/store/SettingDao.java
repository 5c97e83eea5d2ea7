package dev.tribunal.store;

import java.util.Optional;

/** Table {@code settings}: small named values kept across restarts (never secrets). */
public final class SettingDao {

    private final Sql sql;

    SettingDao(Sql sql) {
        this.sql = sql;
    }

    public Optional<String> get(String name) {
        return sql.read(h -> h.createQuery("SELECT value FROM settings WHERE name = :name")
                .bind("name", name).mapTo(String.class).findOne());
    }

    /**
     * Returns the stored value, storing this one first if there is none. Atomic: of two processes starting
     * at once, both get the value the first one stored.
     */
    public String getOrInsert(String name, String value) {
        return sql.write(h -> {
            h.createUpdate("INSERT INTO settings (name, value, created_at) VALUES (:name, :value, :now) "
                    + "ON CONFLICT (name) DO NOTHING")
                    .bind("name", name).bind("value", value).bind("now", sql.nowMillis()).execute();
            return h.createQuery("SELECT value FROM settings WHERE name = :name")
                    .bind("name", name).mapTo(String.class).one();
        });
    }

    public void put(String name, String value) {
        sql.write(h -> h.createUpdate("INSERT INTO settings (name, value, created_at) VALUES (:name, :value, :now) "
                        + "ON CONFLICT (name) DO UPDATE SET value = excluded.value")
                .bind("name", name).bind("value", value).bind("now", sql.nowMillis()).execute());
    }

    /** Removes the value, if any. */
    public void delete(String name) {
        sql.write(h -> h.createUpdate("DELETE FROM settings WHERE name = :name").bind("name", name).execute());
    }
}
