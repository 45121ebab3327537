package city.gridwhistle.api.category;

import city.gridwhistle.api.audit.FieldChange;
import java.time.Instant;
import java.util.List;

/** Changes of categories, newest first. */
public record CategoryChanges(List<Change> changes) {

    public CategoryChanges {
        changes = List.copyOf(changes);
    }

    /**
     * One change: when, by whom, why, and each field that changed ({@code urgency}, {@code limits.handle},
     * {@code duplicateRadiusMeters}, {@code active}) with its value before and after.
     *
     * @param userId   who changed it, by domain id; null for changes recorded before decision 0046
     * @param username their account name: recorded with changes before decision 0046, looked up when shown since
     */
    public record Change(String code, Instant at, String userId, String username, String role, String reason,
                         List<FieldChange> fields) {

        public Change {
            fields = List.copyOf(fields);
        }

        public Change withUsername(String name) {
            return new Change(code, at, userId, name, role, reason, fields);
        }
    }
}
