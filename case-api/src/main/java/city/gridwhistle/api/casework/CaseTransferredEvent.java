package city.gridwhistle.api.casework;

import java.time.Instant;

/** The case moved to another grid cell, with a reason; routing there follows. */
public record CaseTransferredEvent(String caseId, String fromCellCode, CellRef toCell, String reason, String byId, Instant at) implements CaseEvent {
}
