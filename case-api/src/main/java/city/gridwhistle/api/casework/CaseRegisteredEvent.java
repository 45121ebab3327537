package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.CategoryRules;
import java.time.Instant;

/** The case was registered (立案) in a grid cell, with a copy of its category's rules in force at this moment. */
public record CaseRegisteredEvent(String caseId, CategoryRules rules, CellRef cell, Instant registeredAt) implements CaseEvent {
}
