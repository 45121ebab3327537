package city.gridwhistle.query.search;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.transport.TransportException;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.elasticsearch.client.ResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elasticsearch answers 429 Too Many Requests when it sheds load (a full write queue, a tripped circuit breaker),
 * for a whole request or for single items of a bulk or multi-get, and means: send it again a little later. A
 * writer that gave up instead would fail its batch (a rebuild would stop; a processor would go into its error
 * back-off, which grows to a minute). Waits double from {@link #FIRST_WAIT} up to {@link #LONGEST_WAIT}; after
 * {@link #GIVE_UP_AFTER} of waiting the 429 is the caller's like any other failure. One instance serves one read or
 * write, the whole request and its refused items alike.
 */
final class LoadShedding {

    static final Duration FIRST_WAIT = Duration.ofMillis(100);
    static final Duration LONGEST_WAIT = Duration.ofSeconds(5);
    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(2);

    private static final int TOO_MANY_REQUESTS = 429;
    private static final int REASON_LENGTH = 400;
    private static final Set<String> SHED_ITEM_TYPES = Set.of("circuit_breaking_exception",
            "es_rejected_execution_exception");
    private static final Logger log = LoggerFactory.getLogger(LoadShedding.class);

    private long waitedMillis;
    private long nextWaitMillis = FIRST_WAIT.toMillis();

    /** One call to Elasticsearch. */
    interface Call<T> {
        T call() throws IOException;
    }

    /**
     * Makes the call, and again after a wait for as long as Elasticsearch answers it with 429; the waits count
     * against the same two minutes as those for refused items.
     */
    <T> T send(Call<T> call) throws IOException {
        while (true) {
            try {
                return call.call();
            } catch (ElasticsearchException e) {
                waitOrRethrow(e.status(), e);
            } catch (IOException e) {
                waitOrRethrow(statusOf(e), e);
            }
        }
    }

    /** The HTTP status of a refused request, as the transport in use reports it; 0 when there was no answer. */
    private static int statusOf(IOException failure) {
        return switch (failure) {
            case ResponseException e -> e.getResponse().getStatusLine().getStatusCode();
            case TransportException e -> e.statusCode();
            default -> 0;
        };
    }

    /** Whether a bulk item was refused for load, not for what it is. */
    static boolean shed(int status, ErrorCause error) {
        return status == TOO_MANY_REQUESTS || shed(error);
    }

    /** Whether an item without a status of its own (a multi-get's) was refused for load. */
    static boolean shed(ErrorCause error) {
        return error != null && SHED_ITEM_TYPES.contains(error.type());
    }

    /** What Elasticsearch said of an item it refused, for the log. */
    static String reason(ErrorCause error) {
        return error == null ? "" : error.type() + ": " + error.reason();
    }

    /**
     * Waits before items refused for load are sent again; false when it has waited long enough. The reason is
     * Elasticsearch's (which breaker, which queue), logged with the first wait and with giving up.
     */
    boolean waitAgain(String reason) {
        String said = reason == null || reason.length() <= REASON_LENGTH ? reason
                : reason.substring(0, REASON_LENGTH) + "…";
        if (waitedMillis >= GIVE_UP_AFTER.toMillis()) {
            log.warn("Elasticsearch still refuses for load after {} s of waiting; giving up: {}",
                    waitedMillis / 1000, said);
            return false;
        }
        if (waitedMillis == 0) {
            log.warn("Elasticsearch refuses for load (429); sending again after waits of up to {} s: {}",
                    LONGEST_WAIT.toSeconds(), said);
        }
        try {
            Thread.sleep(nextWaitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        waitedMillis += nextWaitMillis;
        nextWaitMillis = Math.min(nextWaitMillis * 2, LONGEST_WAIT.toMillis());
        return true;
    }

    private <E extends Exception> void waitOrRethrow(int status, E failure) throws E {
        if (status != TOO_MANY_REQUESTS || !waitAgain(failure.getMessage())) {
            throw failure;
        }
    }
}
