package city.gridwhistle.infra.embedded;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embedded servers shared by every application context in this JVM that uses the same data directory, counted
 * so the last context to close stops them. Tests thereby start each server once per JVM, and an application
 * that stops takes its servers with it.
 */
final class SharedServices {

    private static final Logger log = LoggerFactory.getLogger(SharedServices.class);
    private static final Map<String, Entry> running = new HashMap<>();

    private record Entry(AutoCloseable service, int leases) {
    }

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SharedServices::closeAll, "embedded-services-shutdown"));
    }

    private SharedServices() {
    }

    @SuppressWarnings("unchecked")
    static synchronized <T extends AutoCloseable> T acquire(String key, Supplier<T> start) {
        Entry entry = running.get(key);
        if (entry == null) {
            entry = new Entry(start.get(), 0);
        }
        running.put(key, new Entry(entry.service(), entry.leases() + 1));
        return (T) entry.service();
    }

    static synchronized void release(String key) {
        Entry entry = running.get(key);
        if (entry == null) {
            return;
        }
        if (entry.leases() > 1) {
            running.put(key, new Entry(entry.service(), entry.leases() - 1));
            return;
        }
        running.remove(key);
        close(key, entry.service());
    }

    private static synchronized void closeAll() {
        running.forEach((key, entry) -> close(key, entry.service()));
        running.clear();
    }

    private static void close(String key, AutoCloseable service) {
        try {
            service.close();
        } catch (Exception e) {
            log.warn("Stopping {} failed", key, e);
        }
    }
}
