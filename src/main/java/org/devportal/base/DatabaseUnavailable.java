package org.devportal.base;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises a failure that means "the database cannot be reached" (no connection within the pool's timeout, a
 * connection lost mid-transaction), as opposed to a bug. Such a save changed nothing: its transaction never began
 * or was rolled back, so the user can simply try again.
 */
public final class DatabaseUnavailable {

    /** What the user reads; the form they were filling in stays as it was. */
    public static final String MESSAGE = "The database cannot be reached at the moment, so nothing was saved. "
            + "What you entered is still here: try again in a minute.";

    private DatabaseUnavailable() {}

    public static boolean isCauseOf(Throwable failure) {
        return Causes.anyMatch(
                failure,
                cause -> cause instanceof CannotCreateTransactionException
                        || cause instanceof DataAccessResourceFailureException
                        || cause instanceof SQLTransientConnectionException
                        || cause instanceof SQLNonTransientConnectionException);
    }
}
