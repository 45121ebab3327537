package city.gridwhistle.web.audit;

import city.gridwhistle.infra.audit.AuditVerifier;
import city.gridwhistle.infra.audit.Checkpoints;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators verify the event store's hash chains and checkpoints, and export the checkpoints to keep them
 * outside the database (where whoever could rewrite the events could rewrite them too).
 */
@RestController
@RequestMapping("/api/admin/audit")
class AuditController {

    private final AuditVerifier verifier;
    private final Checkpoints checkpoints;

    AuditController(AuditVerifier verifier, Checkpoints checkpoints) {
        this.verifier = verifier;
        this.checkpoints = checkpoints;
    }

    /** Every chain and checkpoint; names the first event that no longer matches. */
    @GetMapping("/verification")
    AuditVerifier.Report verifyAll() {
        return verifier.verifyAll();
    }

    /**
     * One aggregate (a case id, a rider id, ...): its chain, the latest of its events a checkpoint covered, and for a
     * case, how far the case index has seen it (decision 0045).
     */
    @GetMapping("/verification/{aggregateId}")
    AuditVerifier.Report verify(@PathVariable String aggregateId) {
        return verifier.verifyAggregate(aggregateId);
    }

    @GetMapping("/checkpoints")
    List<Checkpoints.Checkpoint> checkpoints() {
        return checkpoints.all();
    }

    /** Closes a checkpoint up to the head seen on the previous run (see {@link Checkpoints#advance()}). */
    @PostMapping("/checkpoints")
    ResponseEntity<Checkpoints.Checkpoint> advance() {
        return checkpoints.advance().map(ResponseEntity::ok).orElse(ResponseEntity.noContent().build());
    }
}
