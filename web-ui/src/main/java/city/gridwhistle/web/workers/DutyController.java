package city.gridwhistle.web.workers;

import city.gridwhistle.api.grid.EndDutyCommand;
import city.gridwhistle.api.grid.StartDutyCommand;
import city.gridwhistle.api.shared.Actor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A grid worker (or their supervisor) puts them on or off duty. */
@RestController
@RequestMapping("/api/workers/{workerId}")
class DutyController {

    private final CommandGateway commands;

    DutyController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/on-duty")
    ResponseEntity<Void> onDuty(@PathVariable String workerId, Actor actor) {
        commands.sendAndWait(new StartDutyCommand(workerId, actor));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/off-duty")
    ResponseEntity<Void> offDuty(@PathVariable String workerId, Actor actor) {
        commands.sendAndWait(new EndDutyCommand(workerId, actor));
        return ResponseEntity.noContent().build();
    }
}
