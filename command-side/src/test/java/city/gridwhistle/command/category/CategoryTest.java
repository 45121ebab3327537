package city.gridwhistle.command.category;

import city.gridwhistle.api.category.CategoryListing;
import city.gridwhistle.api.category.CategoryRulesChangedEvent;
import city.gridwhistle.api.category.ChangeCategoryRulesCommand;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.CategoryFamily;
import city.gridwhistle.api.shared.CategoryRules;
import city.gridwhistle.api.shared.CommandRejectedException;
import city.gridwhistle.api.shared.LimitUnit;
import city.gridwhistle.api.shared.NotPermittedException;
import city.gridwhistle.api.shared.Role;
import city.gridwhistle.api.shared.TimeLimit;
import city.gridwhistle.api.shared.TimeLimits;
import city.gridwhistle.api.shared.Urgency;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CategoryTest {

    private static final Actor ADMIN = new Actor("admin", Role.ADMIN);
    private static final TimeLimits LIMITS = new TimeLimits(new TimeLimit(30, LimitUnit.MINUTES),
            new TimeLimit(1, LimitUnit.WORKING_HOURS), new TimeLimit(4, LimitUnit.WORKING_HOURS),
            new TimeLimit(2, LimitUnit.URGENT_HOURS));
    private static final CategoryRules SEEDED = rules(Urgency.NORMAL, LIMITS, 50);
    private static final TimeLimits LONGER_HANDLE = new TimeLimits(LIMITS.dispatch(), LIMITS.accept(),
            new TimeLimit(8, LimitUnit.WORKING_HOURS), LIMITS.verify());

    private AggregateTestFixture<Category> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Category.class);
        fixture.registerInjectableResource((CategoryCatalog) code -> "E0101".equals(code) ? Optional.of(SEEDED)
                : Optional.empty());
    }

    private static CategoryRules rules(Urgency urgency, TimeLimits limits, int radius) {
        return new CategoryRules("E0101", CategoryFamily.EVENT, "01", "市容环境", "City appearance", "01", "暴露垃圾",
                "Exposed garbage", urgency, limits, radius, "垃圾堆放", "清理完毕", "区城管局");
    }

    @Test
    void theFirstChangeOfASeededCategoryRecordsTheRulesBeforeAndAfter() {
        fixture.givenNoPriorActivity()
                .when(new ChangeCategoryRulesCommand("E0101", Urgency.NORMAL, LONGER_HANDLE, 50, true, "人手不足", ADMIN))
                .expectEvents(new CategoryRulesChangedEvent("E0101", rules(Urgency.NORMAL, LONGER_HANDLE, 50), true,
                        SEEDED, true, "人手不足"));
    }

    @Test
    void aLaterChangeStartsFromThePreviousChange() {
        fixture.given(new CategoryRulesChangedEvent("E0101", rules(Urgency.NORMAL, LONGER_HANDLE, 50), true, SEEDED,
                        true, "人手不足"))
                .when(new ChangeCategoryRulesCommand("E0101", Urgency.URGENT, LONGER_HANDLE, 80, false, "停用", ADMIN))
                .expectEvents(new CategoryRulesChangedEvent("E0101", rules(Urgency.URGENT, LONGER_HANDLE, 80), false,
                        rules(Urgency.NORMAL, LONGER_HANDLE, 50), true, "停用"));
    }

    @Test
    void theSameRulesAgainRecordNothing() {
        fixture.given(new CategoryRulesChangedEvent("E0101", rules(Urgency.NORMAL, LONGER_HANDLE, 50), true, SEEDED,
                        true, "人手不足"))
                .when(new ChangeCategoryRulesCommand("E0101", Urgency.NORMAL, LONGER_HANDLE, 50, true, "再次保存", ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void savingASeededCategoryUnchangedRecordsNothing() {
        fixture.givenNoPriorActivity()
                .when(new ChangeCategoryRulesCommand("E0101", Urgency.NORMAL, LIMITS, 50, true, "看看", ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCategoryTheCatalogueDoesNotHaveCannotBeChanged() {
        fixture.givenNoPriorActivity()
                .when(new ChangeCategoryRulesCommand("X9999", Urgency.NORMAL, LIMITS, 50, true, "试试", ADMIN))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void aLimitNeedsAPositiveAmount() {
        TimeLimits zero = new TimeLimits(LIMITS.dispatch(), LIMITS.accept(), new TimeLimit(0, LimitUnit.WORKING_HOURS),
                LIMITS.verify());
        fixture.givenNoPriorActivity()
                .when(new ChangeCategoryRulesCommand("E0101", Urgency.NORMAL, zero, 50, true, "错", ADMIN))
                .expectNoEvents()
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("an amount of 1..525600");
    }

    @Test
    void theDuplicateRadiusStaysWithinAKilometre() {
        fixture.givenNoPriorActivity()
                .when(new ChangeCategoryRulesCommand("E0101", Urgency.NORMAL, LIMITS, 5000, true, "太大", ADMIN))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void aChangeNeedsAReason() {
        fixture.givenNoPriorActivity()
                .when(new ChangeCategoryRulesCommand("E0101", Urgency.URGENT, LIMITS, 50, true, " ", ADMIN))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void onlyAdministratorsChangeCategories() {
        fixture.givenNoPriorActivity()
                .when(new ChangeCategoryRulesCommand("E0101", Urgency.URGENT, LIMITS, 50, true, "急",
                        new Actor("S001", Role.SUPERVISOR)))
                .expectNoEvents()
                .expectException(NotPermittedException.class);
    }

    @Test
    void anInactiveCategoryIsChangedFromItsListedRules() {
        fixture = new AggregateTestFixture<>(Category.class);
        fixture.registerInjectableResource(new CategoryCatalog() {
            @Override
            public Optional<CategoryRules> find(String code) {
                return Optional.empty();
            }

            @Override
            public Optional<CategoryListing.Entry> entry(String code) {
                return Optional.of(new CategoryListing.Entry(SEEDED, false));
            }
        });
        fixture.givenNoPriorActivity()
                .when(new ChangeCategoryRulesCommand("E0101", Urgency.NORMAL, LIMITS, 50, true, "恢复", ADMIN))
                .expectEvents(new CategoryRulesChangedEvent("E0101", SEEDED, true, SEEDED, false, "恢复"));
    }
}
