package city.gridwhistle.command.routing;

import city.gridwhistle.api.casework.CellRef;
import java.util.Optional;

/** Where a case goes: its cell, and the worker who gets it, or nobody (then the supervisors' queue). */
public record Route(CellRef cell, Optional<String> workerId) {
}
