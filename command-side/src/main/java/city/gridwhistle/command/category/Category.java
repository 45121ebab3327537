package city.gridwhistle.command.category;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import city.gridwhistle.api.category.CategoryListing;
import city.gridwhistle.api.category.CategoryRulesChangedEvent;
import city.gridwhistle.api.category.ChangeCategoryRulesCommand;
import city.gridwhistle.api.shared.CategoryRules;
import city.gridwhistle.api.shared.CommandRejectedException;
import city.gridwhistle.api.shared.CommandRejectedException.Reason;
import city.gridwhistle.api.shared.NotPermittedException;
import city.gridwhistle.api.shared.Role;
import city.gridwhistle.api.shared.TimeLimit;
import city.gridwhistle.api.shared.TimeLimits;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The changes administrators make to a category (decision 0025). The catalogue is seeded from a file; a category's
 * stream begins with its first change, taking the rules it had then from the catalogue, and each change records the
 * rules before and after. The {@code category} table follows in the same transaction
 * ({@link CategoryLookupProjection}). Cases copy the rules when they are registered, so a change never reaches back.
 */
@Aggregate
public class Category {

    /** Beyond this a "duplicate" would swallow distinct hazards of a whole street. */
    static final int MAX_DUPLICATE_RADIUS_METERS = 1000;
    /** A year of minutes; more is a typing slip, not a rule. */
    static final int MAX_LIMIT_AMOUNT = 525_600;

    @AggregateIdentifier
    private String streamId;
    private CategoryRules rules;
    private boolean active;

    protected Category() {
        // for Axon: a category's stream is created by its first change
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChangeCategoryRulesCommand command, CategoryCatalog catalog) {
        if (command.actor() == null || !(command.actor().is(Role.ADMIN) || command.actor().is(Role.SYSTEM))) {
            throw new NotPermittedException("CHANGE_CATEGORY", "only administrators change categories");
        }
        CategoryListing.Entry current = rules != null ? new CategoryListing.Entry(rules, active)
                : catalog.entry(command.code()).orElseThrow(() -> new CommandRejectedException(
                        Reason.UNKNOWN_CATEGORY, "code", "the catalogue has no category '" + command.code() + "'"));
        if (command.urgency() == null) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "urgency", "URGENT or NORMAL");
        }
        TimeLimits limits = command.limits();
        if (limits == null) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "limits", "the four steps' limits are required");
        }
        check("limits.dispatch", limits.dispatch());
        check("limits.accept", limits.accept());
        check("limits.handle", limits.handle());
        check("limits.verify", limits.verify());
        if (command.duplicateRadiusMeters() < 0 || command.duplicateRadiusMeters() > MAX_DUPLICATE_RADIUS_METERS) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "duplicateRadiusMeters",
                    "a radius of 0.." + MAX_DUPLICATE_RADIUS_METERS + " metres");
        }
        String reason = command.reason() == null ? "" : command.reason().strip();
        if (reason.isEmpty()) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, "reason", "say why the rules change");
        }
        CategoryRules before = current.rules();
        CategoryRules changed = new CategoryRules(before.code(), before.family(), before.majorCode(), before.majorZh(),
                before.majorEn(), before.minorCode(), before.zh(), before.en(), command.urgency(), limits,
                command.duplicateRadiusMeters(), before.registrationCondition(), before.closingCondition(),
                before.responsibleUnit());
        if (changed.equals(before) && command.active() == current.active()) {
            return;
        }
        apply(new CategoryRulesChangedEvent(before.code(), changed, command.active(), before, current.active(), reason));
    }

    private static void check(String field, TimeLimit limit) {
        if (limit == null || limit.unit() == null) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, field, "an amount and a unit are required");
        }
        if (limit.amount() < 1 || limit.amount() > MAX_LIMIT_AMOUNT) {
            throw new CommandRejectedException(Reason.INVALID_FIELD, field + ".amount",
                    "an amount of 1.." + MAX_LIMIT_AMOUNT);
        }
    }

    @EventSourcingHandler
    void on(CategoryRulesChangedEvent event) {
        streamId = CategoryRulesChangedEvent.streamOf(event.code());
        rules = event.rules();
        active = event.active();
    }
}
