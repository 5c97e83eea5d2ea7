package dev.tribunal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** Table {@code contestants}: models and judges. */
public final class ContestantDao {

    private static final String COLUMNS = "id, kind, name, display_name, organisation, licence, endpoint, active, family";
    private static final String INSERT = "INSERT INTO contestants (kind, name, display_name, organisation, licence, "
            + "endpoint, active, family, created_at) VALUES (:kind, :name, :displayName, :organisation, :licence, "
            + ":endpoint, :active, :family, :createdAt)";

    private final Sql sql;

    ContestantDao(Sql sql) {
        this.sql = sql;
    }

    /** Stores a new contestant; {@link DuplicateKeyException} when (kind, name) exists. */
    public Contestant insert(Contestant c) {
        return c.withId(sql.write(h -> bind(h.createQuery(INSERT + " RETURNING id"), c).mapTo(Long.class).one()));
    }

    /** Returns the stored contestant of this kind and name, inserting this one first if there is none. */
    public Contestant ensure(Contestant c) {
        return sql.write(h -> {
            bind(h.createUpdate(INSERT + " ON CONFLICT (kind, name) DO NOTHING"), c).execute();
            return find(h, c.kind(), c.name()).orElseThrow();
        });
    }

    /** Inserts, or updates every field but the id of the contestant with the same (kind, name). */
    public Contestant upsert(Contestant c) {
        return sql.write(h -> {
            bind(h.createUpdate(INSERT + " ON CONFLICT (kind, name) DO UPDATE SET display_name = excluded.display_name, "
                    + "organisation = excluded.organisation, licence = excluded.licence, endpoint = excluded.endpoint, "
                    + "active = excluded.active, family = excluded.family"), c).execute();
            return find(h, c.kind(), c.name()).orElseThrow();
        });
    }

    public Optional<Contestant> find(ContestantKind kind, String name) {
        return sql.read(h -> find(h, kind, name));
    }

    public Optional<Contestant> byId(long id) {
        return sql.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM contestants WHERE id = :id")
                .bind("id", id).map(ContestantDao::map).findOne());
    }

    /** All contestants of a kind, active or not, by name. */
    public List<Contestant> list(ContestantKind kind) {
        return sql.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM contestants WHERE kind = :kind ORDER BY name")
                .bind("kind", kind.code()).map(ContestantDao::map).list());
    }

    public List<Contestant> listActive(ContestantKind kind) {
        return list(kind).stream().filter(Contestant::active).toList();
    }

    /** Returns whether a contestant with this id existed. */
    public boolean setActive(long id, boolean active) {
        return sql.write(h -> h.createUpdate("UPDATE contestants SET active = :active WHERE id = :id")
                .bind("active", active).bind("id", id).execute()) == 1;
    }

    private static Optional<Contestant> find(Handle h, ContestantKind kind, String name) {
        return h.createQuery("SELECT " + COLUMNS + " FROM contestants WHERE kind = :kind AND name = :name")
                .bind("kind", kind.code()).bind("name", name).map(ContestantDao::map).findOne();
    }

    private <S extends SqlStatement<S>> S bind(S statement, Contestant c) {
        return statement.bind("kind", c.kind().code()).bind("name", c.name()).bind("displayName", c.displayName())
                .bind("organisation", c.organisation()).bind("licence", c.licence()).bind("endpoint", c.endpoint())
                .bind("active", c.active()).bind("family", c.family()).bind("createdAt", sql.nowMillis());
    }

    static Contestant map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Contestant(rs.getLong("id"), ContestantKind.of(rs.getString("kind")), rs.getString("name"),
                rs.getString("display_name"), rs.getString("organisation"), rs.getString("licence"),
                rs.getString("endpoint"), rs.getBoolean("active"), rs.getString("family"));
    }
}
