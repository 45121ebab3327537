package city.gridwhistle.web.cases;

import city.gridwhistle.api.casework.AcceptCaseCommand;
import city.gridwhistle.api.casework.DispatchCaseCommand;
import city.gridwhistle.api.casework.EscalateCaseCommand;
import city.gridwhistle.api.casework.FollowCaseCommand;
import city.gridwhistle.api.casework.NoteProgressCommand;
import city.gridwhistle.api.casework.ParkCaseCommand;
import city.gridwhistle.api.casework.ReassignCaseCommand;
import city.gridwhistle.api.casework.ReopenCaseCommand;
import city.gridwhistle.api.casework.ReporterIdentity;
import city.gridwhistle.api.casework.ResolveCaseCommand;
import city.gridwhistle.api.casework.RevealReporterIdentityCommand;
import city.gridwhistle.api.casework.StartWorkCommand;
import city.gridwhistle.api.casework.TransferCaseCommand;
import city.gridwhistle.api.casework.UnparkCaseCommand;
import city.gridwhistle.api.casework.VerifyResolutionCommand;
import city.gridwhistle.api.casework.VoidCaseCommand;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.PhotoRef;
import city.gridwhistle.web.photos.PhotoStore;
import city.gridwhistle.web.problem.InvalidParameterException;
import jakarta.validation.Valid;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The closed loop over HTTP: one POST per action. Each answers 204 once the decision is recorded; a refusal is a
 * problem detail (409 with the current state and the allowed actions, 403 when the actor may not, 400/422 for
 * bad fields). The case's new state reaches the search index moments later. An {@code If-Match} with the
 * {@code ETag} of {@code GET /api/cases/{id}} makes the action conditional: when the case has changed since,
 * the answer is 412 and nothing is recorded; without it the action applies to the case as it is.
 */
@RestController
@RequestMapping("/api/cases/{caseId}")
class CaseActionController {

    private static final CaseActionRequest EMPTY = new CaseActionRequest(null, null, null, null, null, null);

    private final CommandGateway commands;
    private final PhotoStore photos;

    CaseActionController(CommandGateway commands, PhotoStore photos) {
        this.commands = commands;
        this.photos = photos;
    }

    @PostMapping("/dispatch")
    ResponseEntity<Void> dispatch(@PathVariable String caseId, @Valid @RequestBody CaseActionRequest body, Actor actor,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return done(new DispatchCaseCommand(caseId, body.workerId(), actor, expected(ifMatch)));
    }

    @PostMapping("/reassign")
    ResponseEntity<Void> reassign(@PathVariable String caseId, @Valid @RequestBody CaseActionRequest body, Actor actor,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return done(new ReassignCaseCommand(caseId, body.workerId(), body.reason(), actor, expected(ifMatch)));
    }

    @PostMapping("/accept")
    ResponseEntity<Void> accept(@PathVariable String caseId, Actor actor,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return done(new AcceptCaseCommand(caseId, actor, expected(ifMatch)));
    }

    @PostMapping("/start")
    ResponseEntity<Void> start(@PathVariable String caseId, Actor actor,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return done(new StartWorkCommand(caseId, actor, expected(ifMatch)));
    }

    @PostMapping("/notes")
    ResponseEntity<Void> note(@PathVariable String caseId, @Valid @RequestBody CaseActionRequest body, Actor actor,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return done(new NoteProgressCommand(caseId, body.note(), photoRefs(body), actor, expected(ifMatch)));
    }

    @PostMapping("/resolve")
    ResponseEntity<Void> resolve(@PathVariable String caseId, @Valid @RequestBody CaseActionRequest body, Actor actor,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return done(new ResolveCaseCommand(caseId, body.note(), photoRefs(body), actor, expected(ifMatch)));
    }

    @PostMapping("/verify")
    ResponseEntity<Void> verify(@PathVariable String caseId, @Valid @RequestBody CaseActionRequest body, Actor actor,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        if (body.fixed() == null) {
            throw new InvalidParameterException("fixed", "say whether the hazard is fixed (true) or not (false)");
        }
        return done(new VerifyResolutionCommand(caseId, body.fixed(), body.note(), photoRefs(body), actor,
                expected(ifMatch)));
    }

    @PostMapping("/park")
    ResponseEntity<Void> park(@PathVariable String caseId, @Valid @RequestBody CaseActionRequest body, Actor actor,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return done(new ParkCaseCommand(caseId, body.reason(), actor, expected(ifMatch)));
    }

    @PostMapping("/unpark")
    ResponseEntity<Void> unpark(@PathVariable String caseId, @Valid @RequestBody CaseActionRequest body, Actor actor,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return done(new UnparkCaseCommand(caseId, body.reason(), actor, expected(ifMatch)));
    }

    @PostMapping("/transfer")
    ResponseEntity<Void> transfer(@PathVariable String caseId, @Valid @RequestBody CaseActionRequest body, Actor actor,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return done(new TransferCaseCommand(caseId, body.toCellCode(), body.reason(), actor, expected(ifMatch)));
    }

    @PostMapping("/escalate")
    ResponseEntity<Void> escalate(@PathVariable String caseId, @Valid @RequestBody CaseActionRequest body, Actor actor,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return done(new EscalateCaseCommand(caseId, body.reason(), actor, expected(ifMatch)));
    }

    @PostMapping("/reopen")
    ResponseEntity<Void> reopen(@PathVariable String caseId, @Valid @RequestBody CaseActionRequest body, Actor actor,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return done(new ReopenCaseCommand(caseId, body.reason(), actor, expected(ifMatch)));
    }

    @PostMapping("/void")
    ResponseEntity<Void> voidCase(@PathVariable String caseId, @Valid @RequestBody CaseActionRequest body, Actor actor,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return done(new VoidCaseCommand(caseId, body.reason(), actor, expected(ifMatch)));
    }

    @PostMapping("/follow")
    ResponseEntity<Void> follow(@PathVariable String caseId, Actor actor,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return done(new FollowCaseCommand(caseId, actor, expected(ifMatch)));
    }

    /** Who reported the case: supervisors only, with a reason, and the look is recorded on the case. */
    @PostMapping("/reporter-identity")
    ReporterIdentity reporterIdentity(@PathVariable String caseId, @Valid @RequestBody CaseActionRequest body,
                                      Actor actor,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return commands.sendAndWait(new RevealReporterIdentityCommand(caseId, body.reason(), actor,
                expected(ifMatch)));
    }

    private ResponseEntity<Void> done(Object command) {
        commands.sendAndWait(command);
        return ResponseEntity.noContent().build();
    }

    private static Long expected(String ifMatch) {
        return CaseETag.expectedVersion(ifMatch);
    }

    private List<PhotoRef> photoRefs(CaseActionRequest body) {
        return body.photoHashes().stream()
                .map(hash -> photos.reference(hash).orElseThrow(() -> new InvalidParameterException("photos",
                        "no uploaded photo has the hash '" + hash + "'; upload it with POST /api/photos first")))
                .toList();
    }
}
