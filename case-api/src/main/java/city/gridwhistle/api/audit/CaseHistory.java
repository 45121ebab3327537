package city.gridwhistle.api.audit;

import java.util.List;

/** A case's history: one entry per event of its stream, in the order they were appended. */
public record CaseHistory(String caseId, List<HistoryEntry> entries) {
}
