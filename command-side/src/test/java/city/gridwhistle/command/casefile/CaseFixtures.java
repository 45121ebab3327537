package city.gridwhistle.command.casefile;

import city.gridwhistle.api.casework.CaseStepDeadlineSetEvent;
import city.gridwhistle.api.casework.DeadlineStep;
import city.gridwhistle.api.shared.CategoryFamily;
import city.gridwhistle.api.shared.CategoryRules;
import city.gridwhistle.api.shared.GeoPoint;
import city.gridwhistle.api.shared.LimitUnit;
import city.gridwhistle.api.shared.TimeLimit;
import city.gridwhistle.api.shared.TimeLimits;
import city.gridwhistle.api.shared.Urgency;
import city.gridwhistle.command.deadline.WorkCalendar;
import city.gridwhistle.command.duplicates.InMemoryOpenCases;
import city.gridwhistle.command.routing.InMemoryGridDirectory;
import city.gridwhistle.command.routing.RoutingPolicy;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;

/**
 * A case fixture wired like the application: a two-cell grid (one staffed, one not), the manhole-cover category,
 * the shipped work calendar, and a clock that follows the fixture's time so deadlines and events agree.
 */
final class CaseFixtures {

    static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z"); // a Wednesday, 10:00 in Chengdu
    static final GeoPoint SW = new GeoPoint(30.6090, 104.1250);
    static final GeoPoint IN_STAFFED_CELL = new GeoPoint(SW.lat() + 0.0004, SW.lon() + 0.0004);
    static final GeoPoint IN_EMPTY_CELL = new GeoPoint(SW.lat() + 0.0004, SW.lon() + 0.0015);
    static final String STAFFED = "51010400100101";
    static final String EMPTY = "51010400100102";
    static final CategoryRules MANHOLE = new CategoryRules("C0101", CategoryFamily.COMPONENT, "01", "公用设施",
            "Public utilities", "01", "上水井盖", "Water manhole cover", Urgency.URGENT,
            new TimeLimits(new TimeLimit(10, LimitUnit.MINUTES), new TimeLimit(30, LimitUnit.MINUTES),
                    new TimeLimit(2, LimitUnit.URGENT_HOURS), new TimeLimit(1, LimitUnit.URGENT_HOURS)),
            20, "井盖缺失", "井盖已补齐", "区水务局");

    final AggregateTestFixture<CaseFile> fixture = new AggregateTestFixture<>(CaseFile.class);
    final InMemoryGridDirectory grid = new InMemoryGridDirectory()
            .square(STAFFED, SW)
            .square(EMPTY, new GeoPoint(SW.lat(), SW.lon() + 0.001044))
            .onDuty(STAFFED, "W001", 4)
            .onDuty(STAFFED, "W002", 1)
            .offDuty(EMPTY, "W009");
    final InMemoryOpenCases openCases = new InMemoryOpenCases();
    final CaseClock clock = new CaseClock(calendar(), new FixtureClock());

    CaseFixtures() {
        fixture.setReportIllegalStateChange(true);
        RoutingPolicy routing = new RoutingPolicy(grid);
        fixture.registerInjectableResource(routing);
        fixture.registerInjectableResource(clock);
        Map<String, CategoryRules> catalog = Map.of(MANHOLE.code(), MANHOLE);
        fixture.registerAnnotatedCommandHandler(new ReportIntake(fixture.getRepository(),
                code -> Optional.ofNullable(catalog.get(code)), routing, openCases, clock));
    }

    static WorkCalendar calendar() {
        try (InputStream json = CaseFixtures.class.getResourceAsStream("/gridwhistle/work-calendar.json")) {
            return WorkCalendar.load(json, new ObjectMapper());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A step clock started now: warned at 80 % and due at 100 % of the step's limit (schedule ids vary). */
    static Matcher<Object> clockStarted(String caseId, DeadlineStep step, Instant at, TimeLimit limit) {
        WorkCalendar calendar = calendar();
        Instant due = calendar.deadline(at, limit);
        Instant warn = calendar.pointAt(at, limit, 0.8);
        return Matchers.matches(payload -> payload instanceof CaseStepDeadlineSetEvent set
                && set.caseId().equals(caseId) && set.step() == step && set.limit().equals(limit)
                && set.startedAt().equals(at) && set.dueAt().equals(due) && set.warnAt().equals(warn)
                && set.warningScheduleId() != null && set.overdueScheduleId() != null);
    }

    private final class FixtureClock extends Clock {

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return fixture.currentTime();
        }
    }
}
