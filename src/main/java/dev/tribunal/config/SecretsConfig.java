package dev.tribunal.config;

import static dev.tribunal.config.ConfigException.require;

import dev.tribunal.store.SettingDao;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The names of the environment variables that hold secrets; the secrets never sit in the file.
 *
 * @param adminTokenEnv  holds the token admin requests must carry; unset = admin actions disabled
 * @param voterSecretEnv holds the HMAC secret that turns voters into salted hashes
 */
public record SecretsConfig(String adminTokenEnv, String voterSecretEnv) {

    /** The settings row that keeps a generated voter secret across restarts. */
    public static final String VOTER_SECRET_SETTING = "voter_secret";

    public SecretsConfig {
        require(adminTokenEnv != null && !adminTokenEnv.isBlank(), "secrets.admin_token_env", "must name a variable",
                adminTokenEnv);
        require(voterSecretEnv != null && !voterSecretEnv.isBlank(), "secrets.voter_secret_env", "must name a variable",
                voterSecretEnv);
    }

    public Optional<String> adminToken(Map<String, String> env) {
        return Optional.ofNullable(env.get(adminTokenEnv)).filter(s -> !s.isBlank());
    }

    /**
     * The voter secret from the environment, or else the one stored in the database, generated (32 random
     * bytes) on first use so that voter cookies survive restarts.
     */
    public String voterSecret(Map<String, String> env, SettingDao settings) {
        String fromEnv = env.get(voterSecretEnv);
        if (fromEnv != null && !fromEnv.isBlank()) return fromEnv;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return settings.getOrInsert(VOTER_SECRET_SETTING, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    }
}
