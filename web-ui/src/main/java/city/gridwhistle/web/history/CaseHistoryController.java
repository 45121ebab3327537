package city.gridwhistle.web.history;

import city.gridwhistle.web.problem.NotFoundException;
import city.gridwhistle.api.audit.CaseAsOf;
import city.gridwhistle.api.audit.CaseDiff;
import city.gridwhistle.api.audit.CaseHistory;
import city.gridwhistle.api.audit.FindCaseAsOfQuery;
import city.gridwhistle.api.audit.FindCaseDiffQuery;
import city.gridwhistle.api.audit.FindCaseHistoryQuery;
import city.gridwhistle.api.audit.FindHistoryAccessesQuery;
import city.gridwhistle.api.audit.HistoryAccessAction;
import city.gridwhistle.api.audit.HistoryAccesses;
import city.gridwhistle.api.audit.HistoryPoint;
import city.gridwhistle.api.audit.RecordHistoryAccessCommand;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.web.RequestValues;
import city.gridwhistle.web.problem.InvalidParameterException;
import city.gridwhistle.web.security.StaffNames;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's history for supervisors and administrators, read from the event store (not the search index), so it
 * is exact at once. Every view and export is recorded in the case's access log before the answer leaves: if the
 * record cannot be written, nothing is shown. Staff who acted are named from their accounts as the history leaves
 * ({@link StaffNames}); riders only by their pseudonymous id. A case the caller may not audit answers 404, like one
 * that does not exist.
 */
@RestController
@RequestMapping("/api/cases/{caseId}")
class CaseHistoryController {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final HistoryPdf pdf;
    private final Clock clock;
    private final StaffNames staffNames;

    CaseHistoryController(QueryGateway queries, CommandGateway commands, HistoryPdf pdf, Clock clock,
                          StaffNames staffNames) {
        this.queries = queries;
        this.commands = commands;
        this.pdf = pdf;
        this.clock = clock;
        this.staffNames = staffNames;
    }

    /** Every event of the case, oldest first, with who, when, why and a description in Chinese and English. */
    @GetMapping("/history")
    ResponseEntity<CaseHistory> history(@PathVariable String caseId, Actor viewer) {
        return ResponseEntity.ok(history(caseId, viewer, HistoryAccessAction.VIEWED)
                .orElseThrow(() -> new NotFoundException("no such case")));
    }

    /** The same history as a JSON file to keep. */
    @GetMapping("/history.json")
    ResponseEntity<CaseHistory> historyJson(@PathVariable String caseId, Actor viewer) {
        return history(caseId, viewer, HistoryAccessAction.EXPORTED_JSON)
                .map(found -> ResponseEntity.ok().headers(attachment(caseId, "json"))
                        .contentType(MediaType.APPLICATION_JSON).body(found))
                .orElseThrow(() -> new NotFoundException("no such case"));
    }

    /** One row per event, UTF-8 with a byte-order mark so that Excel shows the Chinese. */
    @GetMapping("/history.csv")
    ResponseEntity<byte[]> historyCsv(@PathVariable String caseId, Actor viewer) {
        return history(caseId, viewer, HistoryAccessAction.EXPORTED_CSV)
                .map(found -> ResponseEntity.ok().headers(attachment(caseId, "csv")).contentType(CSV)
                        .body(HistoryCsv.render(found)))
                .orElseThrow(() -> new NotFoundException("no such case"));
    }

    @GetMapping("/history.pdf")
    ResponseEntity<byte[]> historyPdf(@PathVariable String caseId, Actor viewer) {
        return history(caseId, viewer, HistoryAccessAction.EXPORTED_PDF)
                .map(found -> ResponseEntity.ok().headers(attachment(caseId, "pdf")).contentType(MediaType.APPLICATION_PDF)
                        .body(pdf.render(found, viewer, clock.instant())))
                .orElseThrow(() -> new NotFoundException("no such case"));
    }

    /**
     * The case as it stood at a point of its history, rebuilt from its events up to then.
     *
     * @param at  an ISO instant ({@code 2026-11-29T08:00:00Z}) or a date (its start, city time): every event
     *            appended by then counts
     * @param seq instead of {@code at}: right after the event with this sequence number (events can share a
     *            millisecond; stepping through a history goes by sequence)
     */
    @GetMapping("/as-of")
    ResponseEntity<CaseAsOf> asOf(@PathVariable String caseId, @RequestParam(required = false) String at,
                                  @RequestParam(required = false) Long seq, Actor viewer) {
        HistoryPoint point = point("at", at, "seq", seq);
        Optional<CaseAsOf> found = queries.query(new FindCaseAsOfQuery(caseId, point, viewer),
                ResponseTypes.optionalInstanceOf(CaseAsOf.class)).join();
        found.ifPresent(state -> record(caseId, viewer, HistoryAccessAction.AS_OF, point.toString()));
        return ResponseEntity.ok(found.orElseThrow(() -> new NotFoundException("no such case at that point")));
    }

    /**
     * The fields of the case that differ between two points of its history: instants ({@code from}, {@code to})
     * or sequence numbers ({@code fromSeq}, {@code toSeq}).
     */
    @GetMapping("/diff")
    ResponseEntity<CaseDiff> diff(@PathVariable String caseId, @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  @RequestParam(required = false) Long fromSeq,
                                  @RequestParam(required = false) Long toSeq, Actor viewer) {
        HistoryPoint since = point("from", from, "fromSeq", fromSeq);
        HistoryPoint until = point("to", to, "toSeq", toSeq);
        if (since.at() != null && until.at() != null ? since.at().isAfter(until.at())
                : since.afterSequence() != null && until.afterSequence() != null
                        && since.afterSequence() > until.afterSequence()) {
            throw new InvalidParameterException(since.at() != null ? "from" : "fromSeq",
                    "the first point must not be after the second");
        }
        Optional<CaseDiff> found = queries.query(new FindCaseDiffQuery(caseId, since, until, viewer),
                ResponseTypes.optionalInstanceOf(CaseDiff.class)).join();
        found.ifPresent(diff -> record(caseId, viewer, HistoryAccessAction.DIFF, since + " " + until));
        return ResponseEntity.ok(found.orElseThrow(() -> new NotFoundException("no such case")));
    }

    /** Who viewed or exported the case's history; reading this list is not itself recorded. */
    @GetMapping("/history/accesses")
    ResponseEntity<HistoryAccesses> accesses(@PathVariable String caseId, Actor viewer) {
        return ResponseEntity.ok(queries.query(new FindHistoryAccessesQuery(caseId, viewer),
                ResponseTypes.optionalInstanceOf(HistoryAccesses.class)).join()
                .orElseThrow(() -> new NotFoundException("no such case")));
    }

    private Optional<CaseHistory> history(String caseId, Actor viewer, HistoryAccessAction action) {
        Optional<CaseHistory> found = queries.query(new FindCaseHistoryQuery(caseId, viewer),
                ResponseTypes.optionalInstanceOf(CaseHistory.class)).join();
        found.ifPresent(history -> record(caseId, viewer, action, history.entries().size() + " events"));
        return found.map(staffNames::named);
    }

    /** Waits for the record: a history leaves only once its reading is on file. */
    private void record(String caseId, Actor viewer, HistoryAccessAction action, String detail) {
        commands.sendAndWait(new RecordHistoryAccessCommand(caseId, viewer, action, detail));
    }

    /** An instant or a sequence number, exactly one of the two. */
    private static HistoryPoint point(String instantParameter, String instant, String sequenceParameter,
                                      Long sequence) {
        if (instant != null && sequence != null) {
            throw new InvalidParameterException(sequenceParameter,
                    "give " + instantParameter + " or " + sequenceParameter + ", not both");
        }
        if (sequence != null) {
            if (sequence < 0) {
                throw new InvalidParameterException(sequenceParameter, "sequence numbers count from 0");
            }
            return HistoryPoint.afterEvent(sequence);
        }
        Instant at = RequestValues.instant(instantParameter, instant);
        if (at == null) {
            throw new InvalidParameterException(instantParameter, "an instant (2026-11-29T08:00:00Z) or a date, or "
                    + sequenceParameter + " (an event's sequence number), is required");
        }
        return HistoryPoint.at(at);
    }

    private static HttpHeaders attachment(String caseId, String extension) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename("case-" + caseId.replaceAll("[^A-Za-z0-9-]", "_") + "-history." + extension).build());
        return headers;
    }
}
