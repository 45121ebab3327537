package city.gridwhistle.web.outage;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.Collections;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Tells an outage from a bug: a failure whose causes include a lost or refused connection to PostgreSQL is a
 * database outage; one that includes a refused or timed-out connection with no SQL in it is a search outage. Anything
 * else is not an outage and stays a 500, so that real bugs are not disguised as unavailability.
 */
public final class Outages {

    private Outages() {
    }

    public static Optional<Backend> causeOf(Throwable failure) {
        boolean sql = false;
        boolean connection = false;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof BackendUnavailableException unavailable) {
                return Optional.of(unavailable.backend());
            }
            if (isDatabaseConnectionFailure(t)) {
                return Optional.of(Backend.DATABASE);
            }
            sql |= t instanceof SQLException || t instanceof org.springframework.dao.DataAccessException;
            connection |= t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException || isSearchTransportFailure(t);
        }
        return connection && !sql ? Optional.of(Backend.SEARCH) : Optional.empty();
    }

    private static boolean isDatabaseConnectionFailure(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof CannotGetJdbcConnectionException || t instanceof DataAccessResourceFailureException) {
            return true;
        }
        // SQLSTATE class 08: connection exception; 57P01..57P03: the server shuts down or is starting up
        return t instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"));
    }

    private static boolean isSearchTransportFailure(Throwable t) {
        String name = t.getClass().getName();
        return name.equals("co.elastic.clients.transport.TransportException")
                || name.equals("org.apache.http.ConnectionClosedException")
                || name.equals("org.apache.http.conn.ConnectTimeoutException");
    }
}
