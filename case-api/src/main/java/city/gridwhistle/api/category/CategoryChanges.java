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
     */
    public record Change(String code, Instant at, String username, String role, String reason,
                         List<FieldChange> fields) {

        public Change {
            fields = List.copyOf(fields);
        }
    }
}
