package city.gridwhistle.web.grid;

import city.gridwhistle.api.grid.AssignCellsCommand;
import city.gridwhistle.api.grid.DefineGridCellCommand;
import city.gridwhistle.api.grid.EnrollGridWorkerCommand;
import city.gridwhistle.api.grid.FindGridWorkersQuery;
import city.gridwhistle.api.grid.GridCellOutcome;
import city.gridwhistle.api.grid.GridWorkers;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.web.problem.Problems;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators bring the city's grid and say who answers for which cells. A grid file is checked whole, then
 * every cell is defined in one transaction: a file with a fault changes nothing, and neither does a failure half-way.
 */
@RestController
@RequestMapping("/api/admin")
class GridAdminController {

    private static final String CELL_CODE = "\\d{14}";

    /** What an upload did: cells new to the grid, cells redrawn, cells already so. */
    record GridUploadResult(int defined, int redrawn, int unchanged, List<String> cellCodes) {
    }

    record NewWorker(
            @NotBlank(message = "a worker id is required")
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "1..64 letters, digits, '-' or '_'") String workerId,
            @NotBlank(message = "a name is required") @Size(max = 100, message = "at most 100 characters") String displayName,
            @NotEmpty(message = "a grid worker answers for at least one cell") @Size(max = 200, message = "at most 200 cells")
            Set<@NotNull @Pattern(regexp = CELL_CODE, message = "a cell code has 14 digits") String> cellCodes) {
    }

    record CellAssignment(
            @NotEmpty(message = "a grid worker answers for at least one cell") @Size(max = 200, message = "at most 200 cells")
            Set<@NotNull @Pattern(regexp = CELL_CODE, message = "a cell code has 14 digits") String> cellCodes) {
    }

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final TransactionTemplate transactions;

    GridAdminController(CommandGateway commands, QueryGateway queries, TransactionTemplate transactions) {
        this.commands = commands;
        this.queries = queries;
        this.transactions = transactions;
    }

    @Operation(summary = "Upload grid cells (GeoJSON FeatureCollection of Polygons)",
            description = "Each feature defines a cell (properties code, name, districtCode, district, streetCode, "
                    + "street, communityCode, community). A known cell with another boundary or names is redrawn; "
                    + "the same cell again changes nothing. The file is checked whole: any fault is answered 400 "
                    + "naming every feature and field at fault, and nothing is changed.")
    @PostMapping(path = "/grid", consumes = {"application/json", "application/geo+json"})
    GridUploadResult upload(@RequestBody JsonNode file) {
        List<DefineGridCellCommand> cells = GridFile.cells(file);
        Map<GridCellOutcome, Integer> outcomes = new EnumMap<>(GridCellOutcome.class);
        List<String> codes = new ArrayList<>();
        transactions.executeWithoutResult(tx -> cells.forEach(cell -> {
            GridCellOutcome outcome = commands.sendAndWait(cell);
            outcomes.merge(outcome, 1, Integer::sum);
            codes.add(cell.cellCode());
        }));
        return new GridUploadResult(outcomes.getOrDefault(GridCellOutcome.DEFINED, 0),
                outcomes.getOrDefault(GridCellOutcome.REDRAWN, 0), outcomes.getOrDefault(GridCellOutcome.UNCHANGED, 0),
                codes);
    }

    @Operation(summary = "Grid workers with their cells, duty and open cases")
    @GetMapping("/workers")
    GridWorkers workers() {
        return queries.query(new FindGridWorkersQuery(), GridWorkers.class).join();
    }

    @Operation(summary = "Enrol a grid worker for their cells (off duty until put on duty)")
    @PostMapping("/workers")
    ResponseEntity<Void> enrol(@Valid @RequestBody NewWorker worker) {
        commands.sendAndWait(new EnrollGridWorkerCommand(worker.workerId(), worker.displayName().strip(),
                worker.cellCodes()));
        return ResponseEntity.created(URI.create("/api/admin/workers/" + worker.workerId())).build();
    }

    @Operation(summary = "Make a grid worker answer for exactly these cells",
            description = "Routing and what the worker may read follow the new cells; cases already assigned stay.")
    @PutMapping("/workers/{workerId}/cells")
    ResponseEntity<Void> assign(@PathVariable String workerId, @Valid @RequestBody CellAssignment assignment,
                                Actor actor) {
        commands.sendAndWait(new AssignCellsCommand(workerId, assignment.cellCodes(), actor));
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknownWorker(AggregateNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "no such grid worker");
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ProblemDetail workerExists(AggregateStreamCreationException e) {
        return Problems.of(HttpStatus.CONFLICT, "worker-exists", "a grid worker with this id is already enrolled");
    }
}
