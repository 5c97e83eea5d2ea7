package dev.tribunal.store;

import java.util.Objects;

/**
 * A model or a judge. {@code (kind, name)} is unique; {@code id} is 0 until stored.
 *
 * @param name        the stable identifier used in battles and leaderboards (e.g. "gpt4")
 * @param displayName what people see (e.g. "GPT-4"); defaults to the name
 * @param endpoint    the provider endpoint name from the configuration, or null
 * @param family      the model family (config {@code family}, e.g. "gpt-4"), or null
 */
public record Contestant(long id, ContestantKind kind, String name, String displayName, String organisation,
                         String licence, String endpoint, boolean active, String family) {

    /** Without a family. */
    public Contestant(long id, ContestantKind kind, String name, String displayName, String organisation,
                      String licence, String endpoint, boolean active) {
        this(id, kind, name, displayName, organisation, licence, endpoint, active, null);
    }

    public Contestant {
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a contestant needs a name");
        if (displayName == null || displayName.isBlank()) displayName = name;
    }

    /** An active contestant, not yet stored. */
    public static Contestant of(ContestantKind kind, String name, String displayName, String organisation,
                                String licence) {
        return new Contestant(0, kind, name, displayName, organisation, licence, null, true);
    }

    public Contestant withId(long newId) {
        return new Contestant(newId, kind, name, displayName, organisation, licence, endpoint, active, family);
    }

    public Contestant withEndpoint(String newEndpoint) {
        return new Contestant(id, kind, name, displayName, organisation, licence, newEndpoint, active, family);
    }
}
