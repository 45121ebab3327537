package city.gridwhistle.web.privacy;

import city.gridwhistle.api.rider.ErasePersonalDataCommand;
import city.gridwhistle.api.shared.Actor;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code DELETE /api/admin/riders/{riderId}/personal-data} with {@code {"reason": …}}: administrators only. Answers
 * 204 once the rider's key is destroyed and the erasure recorded; erasing again changes nothing and answers 204.
 */
@RestController
class PrivacyController {

    private final CommandGateway commands;

    PrivacyController(CommandGateway commands) {
        this.commands = commands;
    }

    @DeleteMapping("/api/admin/riders/{riderId}/personal-data")
    ResponseEntity<Void> erase(@PathVariable String riderId, @Valid @RequestBody ErasureRequest body, Actor actor) {
        commands.sendAndWait(new ErasePersonalDataCommand(riderId, body.reason(), actor));
        return ResponseEntity.noContent().build();
    }
}
