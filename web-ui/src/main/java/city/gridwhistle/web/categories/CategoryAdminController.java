package city.gridwhistle.web.categories;

import city.gridwhistle.api.category.CategoryChanges;
import city.gridwhistle.api.category.CategoryListing;
import city.gridwhistle.api.category.ChangeCategoryRulesCommand;
import city.gridwhistle.api.category.FindCategoryChangesQuery;
import city.gridwhistle.api.category.FindCategoryListingQuery;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.LimitUnit;
import city.gridwhistle.api.shared.TimeLimit;
import city.gridwhistle.api.shared.TimeLimits;
import city.gridwhistle.api.shared.Urgency;
import city.gridwhistle.web.security.StaffNames;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators read the whole catalogue and change a category's urgency, time limits, duplicate radius and
 * whether it is offered, with a reason. Each change is an event (decision 0025): cases registered before keep the
 * rules they copied; new reports get the new rules at once.
 */
@RestController
@RequestMapping("/api/admin/categories")
class CategoryAdminController {

    record Limit(
            @NotNull(message = "an amount is required") @Min(value = 1, message = "at least 1")
            @Max(value = 525_600, message = "at most 525600") Integer amount,
            @NotNull(message = "a unit is required") LimitUnit unit) {

        TimeLimit toLimit() {
            return new TimeLimit(amount, unit);
        }
    }

    record Limits(@NotNull(message = "required") @Valid Limit dispatch, @NotNull(message = "required") @Valid Limit accept,
                  @NotNull(message = "required") @Valid Limit handle, @NotNull(message = "required") @Valid Limit verify) {
    }

    /** What an administrator may change of a category. */
    record CategoryChange(
            @NotNull(message = "URGENT or NORMAL") Urgency urgency,
            @NotNull(message = "the four steps' limits are required") @Valid Limits limits,
            @NotNull(message = "a radius in metres is required") @Min(value = 0, message = "at least 0")
            @Max(value = 1000, message = "at most 1000 metres") Integer duplicateRadiusMeters,
            @NotNull(message = "say whether riders may file under it") Boolean active,
            @NotBlank(message = "say why the rules change") @Size(max = 500, message = "at most 500 characters") String reason) {
    }

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final StaffNames staffNames;

    CategoryAdminController(CommandGateway commands, QueryGateway queries, StaffNames staffNames) {
        this.commands = commands;
        this.queries = queries;
        this.staffNames = staffNames;
    }

    @Operation(summary = "Every category, offered or not, with its rules in force")
    @GetMapping
    CategoryListing categories() {
        return queries.query(new FindCategoryListingQuery(), CategoryListing.class).join();
    }

    @Operation(summary = "Change a category's urgency, time limits, duplicate radius or whether it is offered",
            description = "Recorded as an event with the rules before and after, who and why. Cases already "
                    + "registered keep their rules. The same rules again record nothing.")
    @PutMapping("/{code}")
    ResponseEntity<Void> change(@PathVariable String code, @Valid @RequestBody CategoryChange change, Actor actor) {
        Limits l = change.limits();
        commands.sendAndWait(new ChangeCategoryRulesCommand(code, change.urgency(), new TimeLimits(
                l.dispatch().toLimit(), l.accept().toLimit(), l.handle().toLimit(), l.verify().toLimit()),
                change.duplicateRadiusMeters(), change.active(), change.reason(), actor));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The audit trail of category changes, newest first")
    @GetMapping("/changes")
    CategoryChanges changes(@RequestParam(required = false) String code,
                            @RequestParam(defaultValue = "50") int limit) {
        return staffNames.named(queries.query(new FindCategoryChangesQuery(code, limit), CategoryChanges.class).join());
    }
}
