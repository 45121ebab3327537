package city.gridwhistle.api.audit;

import city.gridwhistle.api.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that someone viewed or exported a case's history. Goes to the case's access log, a stream of its own
 * (created with the first access), so reading a history never touches the case itself.
 *
 * @param detail what exactly was asked, e.g. the instant of an as-of view
 */
public record RecordHistoryAccessCommand(String caseId, Actor viewer, HistoryAccessAction action, String detail) {

    /** The access log's aggregate id: apart from the case's own, as one id may not name two streams. */
    public static String accessLogIdOf(String caseId) {
        return "access-" + caseId;
    }

    @TargetAggregateIdentifier
    public String accessLogId() {
        return accessLogIdOf(caseId);
    }
}
