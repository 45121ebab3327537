package city.gridwhistle.api.audit;

import java.time.Instant;
import java.util.List;

/** The fields of a case's view whose values differ between two instants, in the view's field order. */
public record CaseDiff(String caseId, Instant from, Instant to, List<FieldChange> changes) {
}
