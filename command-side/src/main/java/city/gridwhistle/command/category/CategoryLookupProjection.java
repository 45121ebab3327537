package city.gridwhistle.command.category;

import city.gridwhistle.api.category.CategoryRulesChangedEvent;
import city.gridwhistle.command.routing.GridLookupProjection;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code category} table (what intake reads) and its audit trail {@code category_change} in step with
 * the categories' events, in the transaction that appends them: a refused change writes neither, an accepted one
 * both. Idempotent: the row takes the event's rules, and the trail is keyed by event id.
 */
@Component
@ProcessingGroup(GridLookupProjection.GROUP)
public class CategoryLookupProjection {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public CategoryLookupProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(CategoryRulesChangedEvent event, EventMessage<?> message, @Timestamp Instant at) {
        jdbc.update("update category set rules = ?, active = ? where code = ?", write(event.rules()), event.active(),
                event.code());
        // who acted: their domain id; events recorded before decision 0046 carry the account name too
        var metaData = message.getMetaData();
        jdbc.update("""
                insert into category_change (event_id, code, changed_at, user_id, username, role, reason, rules_before,
                                             active_before, rules_after, active_after)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing""",
                message.getIdentifier(), event.code(), java.sql.Timestamp.from(at), text(metaData.get("userId")),
                text(metaData.get("username")), orSystem(metaData.get("role")), event.reason(),
                write(event.previousRules()), event.previouslyActive(), write(event.rules()), event.active());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String orSystem(Object role) {
        return role == null ? "system" : role.toString();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
