package city.gridwhistle.api.category;

import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.TimeLimits;
import city.gridwhistle.api.shared.Urgency;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Change what an administrator may change of a category: its urgency, its time limits, the radius within which a
 * report joins an open case, and whether riders may file under it. Cases registered before keep the rules they
 * copied. The reason is kept with the change.
 */
public record ChangeCategoryRulesCommand(String code, Urgency urgency, TimeLimits limits, int duplicateRadiusMeters,
                                         boolean active, String reason, Actor actor) {

    /** Each category's changes are one stream, named apart from every other kind of aggregate. */
    @TargetAggregateIdentifier
    public String streamId() {
        return CategoryRulesChangedEvent.streamOf(code);
    }
}
