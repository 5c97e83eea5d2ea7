package dev.tribunal.jobs;

import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;

/**
 * db-scheduler's generic JDBC dialect with the one thing SQLite lacks: it knows {@code LIMIT n}, not the standard
 * {@code FETCH FIRST n ROWS ONLY}. Timestamps go through the driver as epoch milliseconds, in UTC.
 */
final class SqliteJdbcCustomization extends DefaultJdbcCustomization {

    SqliteJdbcCustomization() {
        super(true);
    }

    @Override
    public String getQueryLimitPart(int limit) {
        return " LIMIT " + limit;
    }

    @Override
    public String getName() {
        return "SQLite";
    }
}
