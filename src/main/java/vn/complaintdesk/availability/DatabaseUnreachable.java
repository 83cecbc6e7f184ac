package vn.complaintdesk.availability;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Tells a failure that comes from the database being away (down, restarting, unreachable) from any other. */
final class DatabaseUnreachable {

    /** SQLSTATE class 08 is "connection exception"; 57P0x: PostgreSQL shutting down or not yet accepting. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03");
    private static final int MAX_CAUSES = 32;

    private DatabaseUnreachable() {
    }

    static boolean causes(Throwable failure) {
        Deque<Throwable> toVisit = new ArrayDeque<>();
        toVisit.add(failure);
        for (int visited = 0; !toVisit.isEmpty() && visited < MAX_CAUSES; visited++) {
            Throwable cause = toVisit.poll();
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(sql.getSQLState()))) {
                return true;
            }
            // A rollback on the connection that broke fails too; what broke it is the application exception.
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
                toVisit.add(rollback.getApplicationException());
            }
            if (cause.getCause() != null && cause.getCause() != cause) {
                toVisit.add(cause.getCause());
            }
        }
        return false;
    }
}
