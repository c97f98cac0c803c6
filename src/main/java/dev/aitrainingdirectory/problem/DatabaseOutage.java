package dev.aitrainingdirectory.problem;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Recognises failures that mean the database is unreachable or too slow, not that the request
 * is wrong: they answer 503 with Retry-After, and the service recovers once the database is back.
 */
final class DatabaseOutage {

    private DatabaseOutage() {
    }

    static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof JDBCConnectionException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLTimeoutException || cause instanceof jakarta.persistence.QueryTimeoutException
                    || cause instanceof org.hibernate.QueryTimeoutException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("57014")
                    || sql.getSQLState().equals("57P01") || sql.getSQLState().equals("57P03")
                    || sql.getSQLState().equals("HYT00"))) {
                return true;
            }
            if (cause instanceof jakarta.transaction.RollbackException rollback && rollback.getMessage() != null
                    && rollback.getMessage().contains("not active")) {
                // The transaction timed out before it could commit: the database was too slow.
                return true;
            }
            if (cause instanceof SQLException sql && sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }
}
