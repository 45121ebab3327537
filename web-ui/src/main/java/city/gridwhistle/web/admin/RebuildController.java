package city.gridwhistle.web.admin;

import city.gridwhistle.api.readmodel.FindRebuildProgressQuery;
import city.gridwhistle.api.readmodel.RebuildProgress;
import city.gridwhistle.api.readmodel.RebuildReadModelCommand;
import city.gridwhistle.web.problem.InvalidParameterException;
import java.net.URI;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators rebuild a read model from the event store while the old one serves, and watch it go. */
@RestController
@RequestMapping("/api/admin/rebuilds/{readModel}")
class RebuildController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    RebuildController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping
    ResponseEntity<RebuildProgress> start(@PathVariable String readModel) {
        known(readModel);
        RebuildProgress started = commands.sendAndWait(new RebuildReadModelCommand(readModel));
        return ResponseEntity.accepted().location(URI.create("/api/admin/rebuilds/" + readModel)).body(started);
    }

    @GetMapping
    RebuildProgress progress(@PathVariable String readModel) {
        known(readModel);
        return queries.query(new FindRebuildProgressQuery(readModel), RebuildProgress.class).join();
    }

    private static void known(String readModel) {
        if (!List.of(RebuildReadModelCommand.CASES, RebuildReadModelCommand.FIGURES).contains(readModel)) {
            throw new InvalidParameterException("readModel", "the read models are: " + RebuildReadModelCommand.CASES
                    + ", " + RebuildReadModelCommand.FIGURES);
        }
    }
}
