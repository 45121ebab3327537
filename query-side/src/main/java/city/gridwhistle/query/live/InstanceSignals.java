package city.gridwhistle.query.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Short signals between the instances of one installation, over PostgreSQL's LISTEN/NOTIFY: each instance
 * projects only the segments it holds, so a subscriber connected to one instance would otherwise never hear of a
 * case another instance projected. A signal names what changed; the receiver reads it from the read model and
 * tells its own subscribers. Signals are a convenience for live pages, never the truth: one lost while PostgreSQL
 * is away costs a page a refresh, and the listener reconnects by itself.
 */
@Component
public class InstanceSignals implements SmartLifecycle {

    /** PostgreSQL's limit on a NOTIFY payload is 8000 bytes; messages are kept below it with room to spare. */
    public static final int MAX_MESSAGE = 7000;

    private static final Logger log = LoggerFactory.getLogger(InstanceSignals.class);
    private static final String SEPARATOR = "|";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final String self = UUID.randomUUID().toString();
    private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread listener;

    public InstanceSignals(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Hears the other instances' messages on a channel (lower-case letters and underscores). */
    public void on(String channel, Consumer<String> handler) {
        handlers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(handler);
    }

    /** Tells the other instances; sent when the current transaction commits (at once without one). */
    public void tell(String channel, String message) {
        try {
            jdbc.queryForObject("select pg_notify(?, ?)", Object.class, channel, self + SEPARATOR + message);
        } catch (DataAccessException e) {
            log.debug("Could not signal {} to the other instances: {}", channel, e.getMessage());
        }
    }

    /**
     * Tells the other instances of many things at once: as few signals as fit them, each a comma-separated list
     * under PostgreSQL's limit (items must not contain commas). The receiver splits with {@link #items}.
     */
    public void tellAll(String channel, Collection<String> items) {
        StringBuilder message = new StringBuilder();
        for (String item : items) {
            if (!message.isEmpty() && message.length() + item.length() + 1 > MAX_MESSAGE) {
                tell(channel, message.toString());
                message.setLength(0);
            }
            message.append(message.isEmpty() ? "" : ",").append(item);
        }
        if (!message.isEmpty()) {
            tell(channel, message.toString());
        }
    }

    /** The items of a message sent with {@link #tellAll}. */
    public static List<String> items(String message) {
        return List.of(message.split(","));
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform().daemon().name("instance-signals").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    for (String channel : handlers.keySet()) {
                        statement.execute("listen " + channel);
                    }
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            dispatch(notification.getName(), notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.debug("Listening for the other instances' signals failed, trying again: {}", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void dispatch(String channel, String payload) {
        int at = payload.indexOf(SEPARATOR);
        if (at < 0 || payload.substring(0, at).equals(self)) {
            return;
        }
        String message = payload.substring(at + 1);
        for (Consumer<String> handler : handlers.getOrDefault(channel, List.of())) {
            try {
                handler.accept(message);
            } catch (RuntimeException e) {
                log.warn("A signal on {} could not be handled: {}", channel, e.getMessage());
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
