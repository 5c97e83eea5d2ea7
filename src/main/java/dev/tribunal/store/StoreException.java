package dev.tribunal.store;

/** A database operation failed for a reason the caller may want to tell apart from a bug. */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
