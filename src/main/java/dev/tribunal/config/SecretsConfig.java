package dev.tribunal.config;

import static dev.tribunal.config.ConfigException.require;

import dev.tribunal.store.SettingDao;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the secrets come from; the secrets themselves never sit in the configuration file or the database.
 *
 * @param adminTokenEnv    holds the token admin requests must carry; unset = admin actions disabled
 * @param voterSecretEnv   holds the secret voter ids are signed and hashed with
 * @param voterSecretFile  else the key file holding it, created on first start; null = {@code voter.key} next to
 *                         the SQLite database file ({@code data/voter.key} for PostgreSQL). Every node of a cluster
 *                         must have the same secret (the variable, or a copy of the file), or they disagree about
 *                         who a voter is
 * @param adminTokenFile   when the variable is unset, a file holding the admin token (e.g. a mounted secret shared
 *                         by the nodes); null = none
 */
public record SecretsConfig(String adminTokenEnv, String voterSecretEnv, String voterSecretFile, String adminTokenFile) {

    /** The settings row where versions before 0.2 kept a generated voter secret; moved out on start. */
    public static final String VOTER_SECRET_SETTING = "voter_secret";

    public SecretsConfig {
        require(adminTokenEnv != null && !adminTokenEnv.isBlank(), "secrets.admin_token_env", "must name a variable",
                adminTokenEnv);
        require(voterSecretEnv != null && !voterSecretEnv.isBlank(), "secrets.voter_secret_env", "must name a variable",
                voterSecretEnv);
        require(voterSecretFile == null || !voterSecretFile.isBlank(), "secrets.voter_secret_file",
                "must be a file path, or null for voter.key next to the database", voterSecretFile);
        require(adminTokenFile == null || !adminTokenFile.isBlank(), "secrets.admin_token_file",
                "must be a file path, or null for none", adminTokenFile);
    }

    public SecretsConfig(String adminTokenEnv, String voterSecretEnv) {
        this(adminTokenEnv, voterSecretEnv, null, null);
    }

    /** The admin token: the environment variable when set, else the first line of the token file, if any. */
    public Optional<String> adminToken(Map<String, String> env) {
        Optional<String> fromEnv = Optional.ofNullable(env.get(adminTokenEnv)).filter(s -> !s.isBlank());
        if (fromEnv.isPresent() || adminTokenFile == null) return fromEnv;
        try {
            return Files.readAllLines(Path.of(adminTokenFile), StandardCharsets.UTF_8).stream().findFirst()
                    .map(String::strip).filter(s -> !s.isEmpty());
        } catch (IOException e) {
            throw new ConfigException("secrets.admin_token_file", "cannot read " + adminTokenFile + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** The key file this configuration names, or the default one for this database. */
    public Path voterKeyFile(DatabaseConfig database) {
        if (voterSecretFile != null) return Path.of(voterSecretFile);
        String sqlite = sqliteFile(database.url());
        if (sqlite == null) return Path.of("data", VoterKeyFile.DEFAULT_NAME);
        Path parent = Path.of(sqlite).toAbsolutePath().getParent();
        return parent == null ? Path.of(VoterKeyFile.DEFAULT_NAME) : parent.resolve(VoterKeyFile.DEFAULT_NAME);
    }

    /**
     * The voter secret: the environment variable when set, else the key file (created with 32 random bytes,
     * owner-only, on first start). A secret an older version kept in the database is moved into the key file
     * when there is none yet (else dropped) and its row deleted, so the database alone never links cookies to votes.
     */
    public byte[] voterSecret(Map<String, String> env, SettingDao settings, Path keyFile) {
        Optional<String> stored = settings.get(VOTER_SECRET_SETTING);
        String fromEnv = env.get(voterSecretEnv);
        byte[] secret;
        if (fromEnv != null && !fromEnv.isBlank()) {
            secret = fromEnv.getBytes(StandardCharsets.UTF_8);
        } else {
            VoterKeyFile file = new VoterKeyFile(keyFile, "secrets.voter_secret_file");
            secret = stored.map(s -> file.readOrCreate(s.getBytes(StandardCharsets.UTF_8))).orElseGet(file::readOrCreate);
        }
        if (stored.isPresent()) settings.delete(VOTER_SECRET_SETTING);
        return secret;
    }

    /** The file of a {@code jdbc:sqlite:} URL, or null (PostgreSQL, in-memory). */
    private static String sqliteFile(String url) {
        if (!url.startsWith("jdbc:sqlite:")) return null;
        String path = url.substring("jdbc:sqlite:".length());
        if (path.startsWith("file:")) path = path.substring("file:".length());
        int query = path.indexOf('?');
        if (query >= 0) path = path.substring(0, query);
        return path.isEmpty() || path.contains(":memory:") ? null : path;
    }
}
