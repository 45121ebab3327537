package city.gridwhistle.command.rider;

import city.gridwhistle.api.casework.CaseClosedEvent;
import city.gridwhistle.api.rider.AwardPointsCommand;
import city.gridwhistle.api.rider.PointsReason;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Points for reporting: when a case is verified and closed, its reporter earns the verified-case points and each
 * corroborating rider the corroboration points. Voided cases earn nothing. Reporters who are not registered
 * riders (anonymous reports) have no ledger and are skipped.
 */
@Component
@ProcessingGroup(PointsPolicy.GROUP)
public class PointsPolicy {

    public static final String GROUP = "points-policy";
    private static final Logger log = LoggerFactory.getLogger(PointsPolicy.class);

    private final CommandGateway commands;
    private final PointsProperties rules;

    public PointsPolicy(CommandGateway commands, PointsProperties rules) {
        this.commands = commands;
        this.rules = rules;
    }

    @EventHandler
    void on(CaseClosedEvent event) {
        awards(event).forEach(this::award);
    }

    List<AwardPointsCommand> awards(CaseClosedEvent event) {
        List<AwardPointsCommand> awards = new ArrayList<>();
        if (event.reporterId() != null) {
            awards.add(new AwardPointsCommand(event.reporterId(), event.caseId(), rules.verifiedCase(),
                    PointsReason.REPORTED_CASE_CLOSED, rules.dailyCap()));
        }
        event.corroboratorIds().stream()
                .filter(rider -> !rider.equals(event.reporterId()))
                .sorted()
                .forEach(rider -> awards.add(new AwardPointsCommand(rider, event.caseId(), rules.corroboration(),
                        PointsReason.CORROBORATED_CASE_CLOSED, rules.dailyCap())));
        return awards;
    }

    private void award(AwardPointsCommand command) {
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException notARider) {
            log.debug("No points ledger for '{}' (not a registered rider)", command.riderId());
        }
    }
}
