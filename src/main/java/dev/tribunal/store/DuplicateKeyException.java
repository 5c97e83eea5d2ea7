package dev.tribunal.store;

/** A row with the same unique key (name, external key, …) already exists; nothing was written. */
public class DuplicateKeyException extends StoreException {

    public DuplicateKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
