package city.gridwhistle.infra.axon;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon which storage failures mean "this (aggregate, sequence) is already taken": PostgreSQL's unique
 * violation (SQLSTATE 23505) anywhere in the cause chain. Axon then reports a concurrent change of an aggregate
 * as a {@code ConcurrencyException} (409 for the caller) and a second creation of the same aggregate as an
 * {@code AggregateStreamCreationException}, instead of a generic storage error.
 */
public class UniqueViolationResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
