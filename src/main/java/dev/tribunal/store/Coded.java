package dev.tribunal.store;

import java.util.Locale;

/**
 * An enum stored in the database under a text code, the value the CHECK constraints list and the API
 * shows: by default its name in lower case.
 */
interface Coded {

    String name();

    default String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E> & Coded> E parse(Class<E> type, String code) {
        for (E e : type.getEnumConstants()) {
            if (e.code().equals(code)) return e;
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + " code: " + code);
    }
}
