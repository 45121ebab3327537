package city.gridwhistle;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactions that the streaming event processors start commit without waiting for PostgreSQL to flush the
 * write-ahead log ({@code synchronous_commit = off} for that transaction only). What they write (read models,
 * lookup tables, their tokens) can always be derived again from the event store, and PostgreSQL loses at most a
 * suffix of such commits in an operating-system crash, never a commit in the middle: the processor then starts
 * again from its last durable token and its idempotent handlers redo the work. A transaction that joins one
 * already running (a subscribing handler inside a command's transaction) is left as it is, so every event
 * appended by a command is still flushed before the command answers. Decision 0020; measured in
 * docs/benchmarks.md.
 */
final class AsynchronousCommit implements TransactionManager {

    private final TransactionManager delegate;
    private final JdbcTemplate jdbc;

    AsynchronousCommit(TransactionManager delegate, JdbcTemplate jdbc) {
        this.delegate = delegate;
        this.jdbc = jdbc;
    }

    @Override
    public Transaction startTransaction() {
        boolean joining = TransactionSynchronizationManager.isActualTransactionActive();
        Transaction transaction = delegate.startTransaction();
        if (!joining) {
            try {
                jdbc.execute("set local synchronous_commit = off");
            } catch (RuntimeException e) {
                rollBack(transaction, e);
                throw e;
            }
        }
        return transaction;
    }

    /**
     * A transaction begun and not ended stays bound to the processor's thread: every later transaction of that
     * thread would join it, on its broken connection, and fail, so the processor would never recover from an outage
     * that struck at this statement (decision 0018). Rolling back unbinds it even when the rollback itself fails.
     */
    private static void rollBack(Transaction transaction, RuntimeException cause) {
        try {
            transaction.rollback();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
