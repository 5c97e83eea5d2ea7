package dev.tribunal.store;

/** The database rejected a value (a CHECK or NOT NULL constraint); nothing was written. */
public final class InvalidRowException extends StoreException {

    public InvalidRowException(String message, Throwable cause) {
        super(message, cause);
    }
}
