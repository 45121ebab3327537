package city.gridwhistle.web.privacy;

import city.gridwhistle.api.rider.ErasePersonalDataCommand;
import city.gridwhistle.api.rider.FindRiderReportsQuery;
import city.gridwhistle.api.rider.RiderReports;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.Role;
import city.gridwhistle.web.security.ErasedAccounts;
import jakarta.validation.Valid;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code DELETE /api/admin/riders/{riderId}/personal-data} with {@code {"reason": …}}: administrators only. In one
 * transaction the rider's erasure is recorded and their key destroyed (so all that was sealed with it is unreadable,
 * events included), their account ends (tokens, sessions, name), and the photos of their reports are listed for
 * review; the read models leave the rider out as they meet the erasure (decision 0046). Answers 200 with the photos
 * to review; erasing again changes nothing and answers the same.
 */
@RestController
class PrivacyController {

    /** The erased rider, and the photos of their reports for an administrator to review: none is deleted. */
    record Erasure(String riderId, List<PhotoReview.Photo> photosToReview) {
    }

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final TransactionTemplate transactions;
    private final ErasedAccounts accounts;
    private final PhotoReview review;

    PrivacyController(CommandGateway commands, QueryGateway queries, TransactionTemplate transactions,
                      ErasedAccounts accounts, PhotoReview review) {
        this.commands = commands;
        this.queries = queries;
        this.transactions = transactions;
        this.accounts = accounts;
        this.review = review;
    }

    @DeleteMapping("/api/admin/riders/{riderId}/personal-data")
    Erasure erase(@PathVariable String riderId, @Valid @RequestBody ErasureRequest body, Actor actor) {
        // read while the index still names the rider: it names them no longer once the erasure is projected
        RiderReports reports = queries.query(new FindRiderReportsQuery(riderId), RiderReports.class).join();
        transactions.executeWithoutResult(tx -> {
            commands.sendAndWait(new ErasePersonalDataCommand(riderId, body.reason(), actor));
            accounts.end(Role.RIDER, riderId);
            review.list(reports);
        });
        return new Erasure(riderId, review.of(riderId));
    }
}
