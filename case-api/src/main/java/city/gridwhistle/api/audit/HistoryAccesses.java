package city.gridwhistle.api.audit;

import java.util.List;

/** The access log of a case's history, oldest first. */
public record HistoryAccesses(String caseId, List<HistoryAccess> accesses) {
}
