package dev.tribunal.store;

/** A read given a time budget ran past it and was stopped by the database; nothing was returned. */
public class QueryBudgetExceededException extends StoreException {

    public QueryBudgetExceededException(String message, Throwable cause) {
        super(message, cause);
    }
}
