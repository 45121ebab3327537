package city.gridwhistle.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.api.casework.CaseStatus;
import city.gridwhistle.api.dashboard.FindHeatmapQuery;
import city.gridwhistle.api.dashboard.FindPerformanceQuery;
import city.gridwhistle.api.dashboard.FindTrendQuery;
import city.gridwhistle.api.dashboard.Grouping;
import city.gridwhistle.api.dashboard.Heatmap;
import city.gridwhistle.api.dashboard.Performance;
import city.gridwhistle.api.dashboard.Trend;
import city.gridwhistle.api.dashboard.TrendInterval;
import city.gridwhistle.api.dashboard.UnitPerformance;
import city.gridwhistle.api.readmodel.RebuildProgress;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.Role;
import city.gridwhistle.query.TestDatabase;
import city.gridwhistle.query.TestSearchNode;
import city.gridwhistle.query.access.CaseAccess;
import city.gridwhistle.query.access.ViewerDirectory;
import city.gridwhistle.query.search.CaseDocument;
import city.gridwhistle.query.search.CaseFigures;
import city.gridwhistle.query.search.CaseFiguresRebuild;
import java.net.ServerSocket;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The performance figures of docs/metrics.md over a hand-computed set of sixteen cases, most of them in March
 * 2026 (the city's time). Every expected number below is derived in a comment from the table of cases.
 *
 * <pre>
 * case district cat   worker status     reports reported   registered dispatched resolved  closed     notes
 * P01  JJ       C0101 W1     CLOSED     2       03-02      03-02      03-02 11h  03-03 11h 03-03      24 h, all on time
 * P02  JJ       C0101 W1     CLOSED     1       03-05      03-05      03-05 12h  03-06 00h 03-06      12 h, DISPATCH overdue
 * P03  JJ       E0101 W2     CLOSED     3       03-10 23:30 03-11 08h 03-11 09h  03-13 09h 03-14      48 h, transferred once,
 *                                                                                                      HANDLE overdue, reworked
 * P04  JJ       C0102 W2     REOPENED   1       03-15      03-15      03-15 12h  03-16 12h (reopened)  24 h, on time; step due 05-01
 * P05  JJ       E0101 W1     IN_PROGRESS 1      03-20      03-20      03-20      -         -          step due 03-25: open overdue
 * P06  JJ       C0101 W1     PARKED     1       03-22      03-22      03-22      -         -          HANDLE overdue: open overdue
 * P07  JJ       C0101 -      VOIDED     1       03-08      03-08      -          -         -          DISPATCH overdue, voided
 * P08  JJ       E0101 W2     CLOSED     1       02-20      02-20      02-21      02-25     02-27      all before the period
 * P09  JJ       C0101 W1     CLOSED     2       02-27      02-28 23h  03-01 00:30 03-02 00:30 04-01 00:30  24 h, on time
 * P10  CH       E0101 W3     CLOSED     1       02-28 23:59 03-01 00h  03-01 01h  03-01 05h 04-01 00h   4 h, on time
 * P11  CH       C0101 W3     CLOSED     1       03-10 23:30 03-11 00:10 03-11 01h 03-11 07h 03-12      6 h, on time, transferred twice
 * P12  CH       C0102 W3     RESOLVED   4       03-25      03-25      03-25 12h  03-28 12h -          72 h, DISPATCH and HANDLE
 *                                                                                                      overdue, reworked
 * P13  CH       E0101 -      REGISTERED 1       03-30      03-30      -          -         -          DISPATCH due 03-31 23h
 * P14  CH       C0101 -      REGISTERED 1       04-02      04-02      -          -         -          DISPATCH overdue, after the period
 * P15  QY       C0102 -      REGISTERED 1       03-18      03-18      -          -         -          DISPATCH due 04-03
 * P16  -        E0101 -      REPORTED   1       03-28      -          -          -         -          not yet registered
 * P17  JJ       C0101 W1     CLOSED     1       reported, registered, dispatched, handled and closed on time in the
 *                                               three hours before the test runs
 * </pre>
 *
 * The period is [2026-03-01T00:00+08:00, 2026-04-01T00:00+08:00): P10's registration at its start counts, P10's
 * closing at its end does not. "Open overdue" (the open part of 应结案数): P05, P06, P12, P13; not P04 (due after
 * the period), P07 (voided), P14 (registered after the period), P15 (due after the period), P16 (not registered).
 */
class PerformanceQueriesIntegrationTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final Instant FROM = city("2026-03-01T00:00");
    private static final Instant TO = city("2026-04-01T00:00");

    private static final Actor ADMIN = new Actor("A001", Role.ADMIN, null);
    private static final Actor CHENGHUA_SUPERVISOR = new Actor("S003", Role.SUPERVISOR, "510108");

    private static final String[] JJ = {"510104", "锦江区"};
    private static final String[] CH = {"510108", "成华区"};
    private static final String[] QY = {"510105", "青羊区"};
    private static final String[] MANHOLE = {"C0101", "窨井盖"};
    private static final String[] RUBBISH = {"E0101", "暴露垃圾"};
    private static final String[] STREETLIGHT = {"C0102", "路灯"};

    /** Map tiles at zoom 14, and a point near the middle of each, so small offsets stay inside. */
    private static final String JJ_TILE = "14/12928/6724";
    private static final String CH_TILE = "14/12930/6724";
    private static final String QY_TILE = "14/12926/6724";
    private static final double TILE_ROW_LAT = 30.6663;
    private static final double JJ_LON = 104.0735;
    private static final double CH_LON = 104.1174;
    private static final double QY_LON = 104.0295;

    private static final List<CaseDocument> CASES = new ArrayList<>();

    private static PerformanceQueries queries;

    @BeforeAll
    static void seedCases() {
        CASES.add(doc("P01", JJ, MANHOLE, "W1", CaseStatus.CLOSED, 2, JJ_LON, 0.001, d -> {
            d.reportedAt = city("2026-03-02T09:00");
            d.registeredAt = city("2026-03-02T10:00");
            dispatched(d, "2026-03-02T11:00", true);
            resolved(d, "2026-03-03T11:00", true);
            closed(d, "2026-03-03T15:00", true);
        }));
        CASES.add(doc("P02", JJ, MANHOLE, "W1", CaseStatus.CLOSED, 1, JJ_LON, 0.002, d -> {
            d.reportedAt = city("2026-03-05T08:00");
            d.registeredAt = city("2026-03-05T09:00");
            d.overdueSteps.add("DISPATCH");
            dispatched(d, "2026-03-05T12:00", false);
            resolved(d, "2026-03-06T00:00", true);
            closed(d, "2026-03-06T10:00", true);
        }));
        CASES.add(doc("P03", JJ, RUBBISH, "W2", CaseStatus.CLOSED, 3, JJ_LON, -0.001, d -> {
            d.reportedAt = city("2026-03-10T23:30");
            d.registeredAt = city("2026-03-11T08:00");
            d.transferCount = 1;
            dispatched(d, "2026-03-11T09:00", true);
            d.overdueSteps.add("HANDLE");
            d.reworkCount = 1;
            d.reworked = true;
            resolved(d, "2026-03-13T09:00", false);
            closed(d, "2026-03-14T09:00", false);
        }));
        CASES.add(doc("P04", JJ, STREETLIGHT, "W2", CaseStatus.REOPENED, 1, JJ_LON, -0.002, d -> {
            d.reportedAt = city("2026-03-15T10:00");
            d.registeredAt = city("2026-03-15T11:00");
            dispatched(d, "2026-03-15T12:00", true);
            resolved(d, "2026-03-16T12:00", true);
            // closed on 03-17, then reopened: closedAt and closedOnTime are cleared
            d.step = "HANDLE";
            d.stepDueAt = city("2026-05-01T00:00");
        }));
        CASES.add(doc("P05", JJ, RUBBISH, "W1", CaseStatus.IN_PROGRESS, 1, JJ_LON, 0.003, d -> {
            d.reportedAt = city("2026-03-20T09:00");
            d.registeredAt = city("2026-03-20T10:00");
            dispatched(d, "2026-03-20T11:00", true);
            d.step = "HANDLE";
            d.stepDueAt = city("2026-03-25T11:00");
        }));
        CASES.add(doc("P06", JJ, MANHOLE, "W1", CaseStatus.PARKED, 1, JJ_LON + 0.001, 0, d -> {
            d.reportedAt = city("2026-03-22T09:00");
            d.registeredAt = city("2026-03-22T10:00");
            dispatched(d, "2026-03-22T11:00", true);
            d.overdueSteps.add("HANDLE");
            d.parkedAt = city("2026-03-28T09:00");
        }));
        CASES.add(doc("P07", JJ, MANHOLE, null, CaseStatus.VOIDED, 1, JJ_LON - 0.001, 0, d -> {
            d.reportedAt = city("2026-03-08T09:00");
            d.registeredAt = city("2026-03-08T10:00");
            d.overdueSteps.add("DISPATCH");
            d.voidedAt = city("2026-03-09T10:00");
        }));
        CASES.add(doc("P08", JJ, RUBBISH, "W2", CaseStatus.CLOSED, 1, JJ_LON, 0.004, d -> {
            d.reportedAt = city("2026-02-20T09:00");
            d.registeredAt = city("2026-02-20T10:00");
            dispatched(d, "2026-02-21T10:00", true);
            resolved(d, "2026-02-25T10:00", true);
            closed(d, "2026-02-27T10:00", true);
        }));
        CASES.add(doc("P09", JJ, MANHOLE, "W1", CaseStatus.CLOSED, 2, JJ_LON, -0.004, d -> {
            d.reportedAt = city("2026-02-27T10:00");
            d.registeredAt = city("2026-02-28T23:00");
            dispatched(d, "2026-03-01T00:30", true);
            resolved(d, "2026-03-02T00:30", true);
            closed(d, "2026-04-01T00:30", true);
        }));
        CASES.add(doc("P10", CH, RUBBISH, "W3", CaseStatus.CLOSED, 1, CH_LON, 0.001, d -> {
            d.reportedAt = city("2026-02-28T23:59");
            d.registeredAt = city("2026-03-01T00:00");
            dispatched(d, "2026-03-01T01:00", true);
            resolved(d, "2026-03-01T05:00", true);
            closed(d, "2026-04-01T00:00", true);
        }));
        CASES.add(doc("P11", CH, MANHOLE, "W3", CaseStatus.CLOSED, 1, CH_LON, 0.002, d -> {
            d.reportedAt = city("2026-03-10T23:30");
            d.registeredAt = city("2026-03-11T00:10");
            d.transferCount = 2;
            dispatched(d, "2026-03-11T01:00", true);
            resolved(d, "2026-03-11T07:00", true);
            closed(d, "2026-03-12T10:00", true);
        }));
        CASES.add(doc("P12", CH, STREETLIGHT, "W3", CaseStatus.RESOLVED, 4, CH_LON, -0.002, d -> {
            d.reportedAt = city("2026-03-25T09:00");
            d.registeredAt = city("2026-03-25T10:00");
            d.overdueSteps.add("DISPATCH");
            dispatched(d, "2026-03-25T12:00", false);
            d.overdueSteps.add("HANDLE");
            d.reworkCount = 2;
            d.reworked = true;
            resolved(d, "2026-03-28T12:00", false);
            d.step = "VERIFY";
            d.stepDueAt = city("2026-04-02T12:00");
        }));
        CASES.add(doc("P13", CH, RUBBISH, null, CaseStatus.REGISTERED, 1, CH_LON + 0.002, 0, d -> {
            d.reportedAt = city("2026-03-30T10:00");
            d.registeredAt = city("2026-03-30T11:00");
            d.step = "DISPATCH";
            d.stepDueAt = city("2026-03-31T23:00");
        }));
        CASES.add(doc("P14", CH, MANHOLE, null, CaseStatus.REGISTERED, 1, CH_LON - 0.002, 0, d -> {
            d.reportedAt = city("2026-04-02T09:00");
            d.registeredAt = city("2026-04-02T10:00");
            d.overdueSteps.add("DISPATCH");
            d.step = "DISPATCH";
            d.stepDueAt = city("2026-04-02T09:00");
        }));
        CASES.add(doc("P15", QY, STREETLIGHT, null, CaseStatus.REGISTERED, 1, QY_LON, 0.001, d -> {
            d.reportedAt = city("2026-03-18T09:00");
            d.registeredAt = city("2026-03-18T10:00");
            d.step = "DISPATCH";
            d.stepDueAt = city("2026-04-03T10:00");
        }));
        CASES.add(doc("P16", null, RUBBISH, null, CaseStatus.REPORTED, 1, QY_LON, -0.001, d -> {
            d.reportedAt = city("2026-03-28T15:00");
            d.categoryZh = null; // named at registration
        }));
        Instant now = Instant.now();
        CASES.add(doc("P17", JJ, MANHOLE, "W1", CaseStatus.CLOSED, 1, JJ_LON, 0.005, d -> {
            d.reportedAt = now.minus(Duration.ofHours(3));
            d.registeredAt = now.minus(Duration.ofMinutes(170));
            d.dispatchedAt = now.minus(Duration.ofHours(2));
            d.dispatchedOnTime = true;
            d.resolvedAt = now.minus(Duration.ofHours(1));
            d.handledOnTime = true;
            d.handlingMinutes = 60L;
            d.closedAt = now.minus(Duration.ofMinutes(30));
            d.closedOnTime = true;
        }));
        TestSearchNode.replaceAllCases(CASES);

        CaseFigures daily = new CaseFigures(TestDatabase.jdbc());
        CaseFiguresRebuild rebuild = new CaseFiguresRebuild(TestSearchNode.client(), TestSearchNode.index(), daily,
                TestDatabase.transactions());
        RebuildProgress rebuilt = rebuild.runNow();
        assertThat(rebuilt.state()).isEqualTo("DONE");
        assertThat(rebuilt.eventsDone()).isEqualTo(CASES.size());
        queries = new PerformanceQueries(TestSearchNode.client(), TestSearchNode.index(),
                new CaseAccess(new ViewerDirectory(new JdbcTemplate())), daily);
    }

    @Test
    void totalsCountEveryVisibleCaseOnceByTheTimeEachFigureNames() {
        Performance performance = performance(Grouping.DISTRICT, ADMIN);

        assertThat(performance.from()).isEqualTo(FROM);
        assertThat(performance.to()).isEqualTo(TO);
        assertThat(performance.total()).isEqualTo(new UnitPerformance("", "", 0,
                // reported: reports of cases reported in the period: P01 2 + P02 1 + P03 3 + P04 1 + P05 1 + P06 1
                // + P07 1 + P11 1 + P12 4 + P13 1 + P15 1 + P16 1 = 18 (P08, P09, P10 before it, P14 after it)
                18,
                // registered: P01-P07, P10 (at the period's start), P11, P12, P13, P15 = 12; P09 the night before
                12,
                // on time: dispatched with DISPATCH never overdue: P01, P03, P04, P05, P06, P10, P11 = 7 (P02, P12
                // dispatched late; P07, P13, P15 never dispatched)
                7, 7.0 / 12,
                // dispatched: P01-P06, P09, P10, P11, P12 = 10; accurately (never transferred): all but P03, P11 = 8
                10, 8, 0.8,
                // handled: P01, P02, P03, P04, P09, P10, P11, P12 = 8; on time: all but P03, P12 = 6
                8, 6, 0.75,
                // reworked: P03, P12 = 2
                2, 0.25,
                // (1440 + 720 + 2880 + 1440 + 1440 + 240 + 360 + 4320) min / 8 = 1605 min = 26.75 h
                26.75,
                // closed: P01, P02, P03, P11 = 4 (P04 reopened, P09 and P10 closed at or after the end);
                // on time: P01, P02, P11 = 3
                4, 3,
                // due to close: 4 closed + open overdue P05, P06, P12, P13 = 8
                8, 0.5, 3.0 / 8));
    }

    @Test
    void figuresPerDistrictCountCasesUnderTheirDistrict() {
        Map<String, UnitPerformance> units = byCode(performance(Grouping.DISTRICT, ADMIN));

        assertThat(units).containsOnlyKeys("510104", "510108", "510105");
        assertThat(units.get("510104")).isEqualTo(new UnitPerformance("510104", "锦江区", 1,
                // P01 2 + P02 1 + P03 3 + P04 1 + P05 1 + P06 1 + P07 1 = 10
                10,
                // registered P01-P07 = 7; on time P01, P03, P04, P05, P06 = 5
                7, 5, 5.0 / 7,
                // dispatched P01-P06, P09 = 7; accurately all but P03 = 6
                7, 6, 6.0 / 7,
                // handled P01, P02, P03, P04, P09 = 5; on time all but P03 = 4; reworked P03 = 1
                5, 4, 0.8, 1, 0.2,
                // (1440 + 720 + 2880 + 1440 + 1440) / 5 = 1584 min = 26.4 h
                26.4,
                // closed P01, P02, P03 = 3, on time P01, P02 = 2; due: 3 + P05, P06 = 5
                3, 2, 5, 0.6, 0.4));
        assertThat(units.get("510108")).isEqualTo(new UnitPerformance("510108", "成华区", 2,
                // P11 1 + P12 4 + P13 1 = 6 (P10 reported before the period, P14 after it)
                6,
                // registered P10, P11, P12, P13 = 4; on time P10, P11 = 2
                4, 2, 0.5,
                // dispatched P10, P11, P12 = 3; accurately P10, P12 = 2
                3, 2, 2.0 / 3,
                // handled P10, P11, P12 = 3; on time P10, P11 = 2; reworked P12 = 1
                3, 2, 2.0 / 3, 1, 1.0 / 3,
                // (240 + 360 + 4320) / 3 = 1640 min = 82/3 h
                82.0 / 3,
                // closed P11 = 1 (P10 at the period's end does not count), on time 1; due: 1 + P12, P13 = 3
                1, 1, 3, 1.0 / 3, 1.0 / 3));
        assertThat(units.get("510105")).isEqualTo(new UnitPerformance("510105", "青羊区", 3,
                // P15 only: reported and registered, not dispatched; its step is due after the period
                1, 1, 0, 0.0,
                0, 0, null,
                0, 0, null, 0, null,
                null,
                0, 0, 0, null, null));
    }

    @Test
    void districtsRankByOnTimeClosingRateWithUnitsWithoutOneLast() {
        // 锦江区 2/5 = 0.4, 成华区 1/3, 青羊区 none
        assertThat(performance(Grouping.DISTRICT, ADMIN).units())
                .extracting(UnitPerformance::unitCode, UnitPerformance::rank)
                .containsExactly(tuple("510104", 1), tuple("510108", 2), tuple("510105", 3));
    }

    @Test
    void figuresPerCategoryCountEveryCaseOfTheCategory() {
        Performance performance = performance(Grouping.CATEGORY, ADMIN);
        Map<String, UnitPerformance> units = byCode(performance);

        assertThat(units.get("C0101")).isEqualTo(new UnitPerformance("C0101", "窨井盖", 1,
                // P01 2 + P02 1 + P06 1 + P07 1 + P11 1 = 6 (P09 before, P14 after)
                6,
                // registered P01, P02, P06, P07, P11 = 5; on time P01, P06, P11 = 3
                5, 3, 0.6,
                // dispatched P01, P02, P06, P09, P11 = 5; accurately all but P11 = 4
                5, 4, 0.8,
                // handled P01, P02, P09, P11 = 4, all on time, none reworked
                4, 4, 1.0, 0, 0.0,
                // (1440 + 720 + 1440 + 360) / 4 = 990 min = 16.5 h
                16.5,
                // closed P01, P02, P11 = 3, all on time; due: 3 + P06 = 4 (P07 voided, P14 registered after)
                3, 3, 4, 0.75, 0.75));
        assertThat(units.get("E0101")).isEqualTo(new UnitPerformance("E0101", "暴露垃圾", 2,
                // P03 3 + P05 1 + P13 1 + P16 1 = 6 (P08, P10 before)
                6,
                // registered P03, P05, P10, P13 = 4; on time P03, P05, P10 = 3
                4, 3, 0.75,
                // dispatched P03, P05, P10 = 3; accurately P05, P10 = 2
                3, 2, 2.0 / 3,
                // handled P03, P10 = 2; on time P10 = 1; reworked P03 = 1
                2, 1, 0.5, 1, 0.5,
                // (2880 + 240) / 2 = 1560 min = 26 h
                26.0,
                // closed P03 = 1, late; due: 1 + P05, P13 = 3
                1, 0, 3, 1.0 / 3, 0.0));
        assertThat(units.get("C0102")).isEqualTo(new UnitPerformance("C0102", "路灯", 3,
                // P04 1 + P12 4 + P15 1 = 6
                6,
                // registered P04, P12, P15 = 3; on time P04 = 1
                3, 1, 1.0 / 3,
                // dispatched P04, P12 = 2, both accurately
                2, 2, 1.0,
                // handled P04, P12 = 2; on time P04; reworked P12
                2, 1, 0.5, 1, 0.5,
                // (1440 + 4320) / 2 = 2880 min = 48 h
                48.0,
                // nothing closed (P04 reopened); due: P12 = 1
                0, 0, 1, 0.0, 0.0));
        // E0101 and C0102 both close none on time: E0101's closing rate 1/3 beats C0102's 0
        assertThat(performance.units()).extracting(UnitPerformance::unitCode).containsExactly("C0101", "E0101", "C0102");
    }

    @Test
    void figuresPerWorkerCountTheCasesAssignedToThem() {
        Performance performance = performance(Grouping.WORKER, ADMIN);
        Map<String, UnitPerformance> units = byCode(performance);

        assertThat(units).containsOnlyKeys("W1", "W2", "W3");
        assertThat(units.get("W1")).isEqualTo(new UnitPerformance("W1", "W1", 1,
                // P01 2 + P02 1 + P05 1 + P06 1 = 5 (P09 before)
                5,
                // registered P01, P02, P05, P06 = 4; on time P01, P05, P06 = 3
                4, 3, 0.75,
                // dispatched P01, P02, P05, P06, P09 = 5, all accurately
                5, 5, 1.0,
                // handled P01, P02, P09 = 3, all on time, none reworked
                3, 3, 1.0, 0, 0.0,
                // (1440 + 720 + 1440) / 3 = 1200 min = 20 h
                20.0,
                // closed P01, P02 = 2, on time; due: 2 + P05, P06 = 4
                2, 2, 4, 0.5, 0.5));
        assertThat(units.get("W2")).isEqualTo(new UnitPerformance("W2", "W2", 3,
                // P03 3 + P04 1 = 4 (P08 before)
                4,
                // registered P03, P04 = 2, both on time
                2, 2, 1.0,
                // dispatched P03, P04 = 2; accurately P04
                2, 1, 0.5,
                // handled P03, P04 = 2; on time P04; reworked P03
                2, 1, 0.5, 1, 0.5,
                // (2880 + 1440) / 2 = 2160 min = 36 h
                36.0,
                // closed P03 = 1, late; due: 1 (P04 reopened but not overdue)
                1, 0, 1, 1.0, 0.0));
        assertThat(units.get("W3")).isEqualTo(new UnitPerformance("W3", "W3", 2,
                // P11 1 + P12 4 = 5 (P10 before)
                5,
                // registered P10, P11, P12 = 3; on time P10, P11 = 2
                3, 2, 2.0 / 3,
                // dispatched P10, P11, P12 = 3; accurately P10, P12 = 2
                3, 2, 2.0 / 3,
                // handled P10, P11, P12 = 3; on time P10, P11 = 2; reworked P12
                3, 2, 2.0 / 3, 1, 1.0 / 3,
                // (240 + 360 + 4320) / 3 = 1640 min = 82/3 h
                82.0 / 3,
                // closed P11 = 1, on time; due: 1 + P12 = 2
                1, 1, 2, 0.5, 0.5));
        // W1 and W3 tie on both rates (0.5); W1 closed more (2 against 1); W2 closed none on time
        assertThat(performance.units()).extracting(UnitPerformance::unitCode, UnitPerformance::rank)
                .containsExactly(tuple("W1", 1), tuple("W3", 2), tuple("W2", 3));
    }

    @Test
    void totalsDoNotDependOnTheGrouping() {
        UnitPerformance byDistrict = performance(Grouping.DISTRICT, ADMIN).total();

        for (Grouping grouping : Grouping.values()) {
            assertThat(performance(grouping, ADMIN).total()).as(grouping.name()).isEqualTo(byDistrict);
        }
    }

    @Test
    void districtSupervisorSeesTheFiguresOfTheirDistrictOnly() {
        Performance performance = performance(Grouping.DISTRICT, CHENGHUA_SUPERVISOR);

        assertThat(performance.units()).extracting(UnitPerformance::unitCode).containsExactly("510108");
        UnitPerformance chengHua = performance.units().getFirst();
        assertThat(performance.total()).isEqualTo(new UnitPerformance("", "", 0, chengHua.reported(),
                chengHua.registered(), chengHua.registeredOnTime(), chengHua.onTimeRegistrationRate(),
                chengHua.dispatched(), chengHua.dispatchedAccurately(), chengHua.accurateDispatchRate(),
                chengHua.handled(), chengHua.handledOnTime(), chengHua.onTimeHandlingRate(), chengHua.reworked(),
                chengHua.reworkRate(), chengHua.averageHandlingHours(), chengHua.closed(), chengHua.closedOnTime(),
                chengHua.dueToClose(), chengHua.closingRate(), chengHua.onTimeClosingRate()));
        assertThat(performance.total().reported()).isEqualTo(6);
        assertThat(performance.total().dueToClose()).isEqualTo(3);
    }

    @Test
    void periodWithoutCasesHasNoRates() {
        Performance performance = queries.handle(new FindPerformanceQuery(city("2025-06-01T00:00"),
                city("2025-07-01T00:00"), Grouping.DISTRICT, ADMIN));

        // every case is registered after this period, so none is due to close in it either
        assertThat(performance.total()).isEqualTo(new UnitPerformance("", "", 0, 0, 0, 0, null, 0, 0, null, 0, 0,
                null, 0, null, null, 0, 0, 0, null, null));
    }

    @Test
    void openOverdueCasesStayDueToCloseInLaterPeriods() {
        // April: P09 (04-01 00:30) and P10 (04-01 00:00, the start) close; open and overdue by 05-01: P05, P06,
        // P12, P13 still, P14 (registered 04-02, DISPATCH overdue), P15 (due 04-03); not P04 (due exactly 05-01)
        Performance april = queries.handle(new FindPerformanceQuery(city("2026-04-01T00:00"), city("2026-05-01T00:00"),
                Grouping.DISTRICT, ADMIN));

        assertThat(april.total().closed()).isEqualTo(2);
        assertThat(april.total().dueToClose()).isEqualTo(2 + 6);
        assertThat(april.total().closingRate()).isEqualTo(0.25);
    }

    @Test
    void dailyTrendCountsByTheCitysCalendarDay() {
        Trend trend = queries.handle(new FindTrendQuery(FROM, TO, TrendInterval.DAY, ADMIN));

        // P10's registration at 03-01 00:00 and P11's at 03-11 00:10 fall on the previous UTC day; P03 and P11
        // were reported at 03-10 23:30 (15:30 UTC)
        assertThat(trend.interval()).isEqualTo(TrendInterval.DAY);
        assertThat(trend.points()).extracting(Trend.Point::start, Trend.Point::registered, Trend.Point::closed)
                .containsExactly(
                        day("2026-03-01", 1, 0),  // P10 registered
                        day("2026-03-02", 1, 0),  // P01
                        day("2026-03-03", 0, 1),  // P01 closed
                        day("2026-03-05", 1, 0),  // P02
                        day("2026-03-06", 0, 1),  // P02 closed
                        day("2026-03-08", 1, 0),  // P07
                        day("2026-03-10", 0, 0),  // P03, P11 reported
                        day("2026-03-11", 2, 0),  // P03, P11 registered
                        day("2026-03-12", 0, 1),  // P11 closed
                        day("2026-03-14", 0, 1),  // P03 closed
                        day("2026-03-15", 1, 0),  // P04
                        day("2026-03-18", 1, 0),  // P15
                        day("2026-03-20", 1, 0),  // P05
                        day("2026-03-22", 1, 0),  // P06
                        day("2026-03-25", 1, 0),  // P12
                        day("2026-03-28", 0, 0),  // P16 reported
                        day("2026-03-30", 1, 0)); // P13
    }

    @Test
    void trendReportedCountsReportsAsThePerformanceFigureDoes() {
        Trend trend = queries.handle(new FindTrendQuery(FROM, TO, TrendInterval.DAY, ADMIN));

        // 上报数 counts reports (reportCount), not cases: P01 2 on 03-02, P03 3 + P11 1 on 03-10, P12 4 on 03-25
        assertThat(trend.points()).filteredOn(p -> p.reported() > 0)
                .extracting(Trend.Point::start, Trend.Point::reported)
                .containsExactly(
                        day("2026-03-02", 2), day("2026-03-05", 1), day("2026-03-08", 1), day("2026-03-10", 4),
                        day("2026-03-15", 1), day("2026-03-18", 1), day("2026-03-20", 1), day("2026-03-22", 1),
                        day("2026-03-25", 4), day("2026-03-28", 1), day("2026-03-30", 1));
        assertThat(trend.points().stream().mapToLong(Trend.Point::reported).sum())
                .isEqualTo(performance(Grouping.DISTRICT, ADMIN).total().reported());
    }

    @Test
    void trendRegistrationsAndClosingsAddUpToThePeriodsFigures() {
        Trend trend = queries.handle(new FindTrendQuery(FROM, TO, TrendInterval.DAY, ADMIN));
        UnitPerformance total = performance(Grouping.DISTRICT, ADMIN).total();

        assertThat(trend.points().stream().mapToLong(Trend.Point::registered).sum()).isEqualTo(total.registered());
        assertThat(trend.points().stream().mapToLong(Trend.Point::closed).sum()).isEqualTo(total.closed());
    }

    @Test
    void monthlyTrendCountsByTheCitysCalendarMonth() {
        Trend trend = queries.handle(new FindTrendQuery(city("2026-02-01T00:00"), TO, TrendInterval.MONTH, ADMIN));

        assertThat(trend.points()).extracting(Trend.Point::start, Trend.Point::registered, Trend.Point::closed)
                .containsExactly(
                        // February: registered P08, P09 (02-28 23:00) = 2; closed P08 = 1
                        day("2026-02-01", 2, 1),
                        // March: as the performance totals; P10 registered at 03-01 00:00, still February in UTC
                        day("2026-03-01", 12, 4));
    }

    @Test
    void weeklyTrendStartsWeeksOnMonday() {
        Trend trend = queries.handle(new FindTrendQuery(FROM, TO, TrendInterval.WEEK, ADMIN));

        assertThat(trend.points()).allSatisfy(p -> assertThat(p.start().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY));
        assertThat(trend.points()).extracting(Trend.Point::start, Trend.Point::registered, Trend.Point::closed)
                .startsWith(
                        // Sunday 03-01 belongs to the week of Monday 02-23: P10 registered
                        day("2026-02-23", 1, 0),
                        // 03-02..03-08: registered P01, P02, P07; closed P01, P02
                        day("2026-03-02", 3, 2));
    }

    @Test
    void heatmapCountsCasesReportedInThePeriodPerTile() {
        Heatmap heatmap = queries.handle(new FindHeatmapQuery(FROM, TO, 14, ADMIN));

        assertThat(heatmap.zoom()).isEqualTo(14);
        // JJ: P01-P07 = 7 (P08, P09 before); CH: P11, P12, P13 = 3 (P10 before, P14 after); QY: P15, P16 = 2
        assertThat(heatmap.tiles()).extracting(Heatmap.Tile::tile, Heatmap.Tile::cases)
                .containsExactlyInAnyOrder(tuple(JJ_TILE, 7L), tuple(CH_TILE, 3L), tuple(QY_TILE, 2L));
    }

    @Test
    void heatmapTileCentroidLiesAmongItsCases() {
        Heatmap heatmap = queries.handle(new FindHeatmapQuery(FROM, TO, 14, ADMIN));
        Map<String, List<String>> casesByTile = Map.of(
                JJ_TILE, List.of("P01", "P02", "P03", "P04", "P05", "P06", "P07"),
                CH_TILE, List.of("P11", "P12", "P13"),
                QY_TILE, List.of("P15", "P16"));

        assertThat(heatmap.tiles()).hasSize(3).allSatisfy(tile -> {
            List<CaseDocument.Location> points = CASES.stream()
                    .filter(c -> casesByTile.get(tile.tile()).contains(c.caseId)).map(c -> c.location).toList();
            double minLat = points.stream().mapToDouble(CaseDocument.Location::lat).min().orElseThrow();
            double maxLat = points.stream().mapToDouble(CaseDocument.Location::lat).max().orElseThrow();
            double minLon = points.stream().mapToDouble(CaseDocument.Location::lon).min().orElseThrow();
            double maxLon = points.stream().mapToDouble(CaseDocument.Location::lon).max().orElseThrow();
            double mean = points.stream().mapToDouble(CaseDocument.Location::lat).average().orElseThrow();
            assertThat(tile.lat()).as(tile.tile()).isBetween(minLat - 1e-6, maxLat + 1e-6).isCloseTo(mean,
                    org.assertj.core.data.Offset.offset(1e-5));
            assertThat(tile.lon()).as(tile.tile()).isBetween(minLon - 1e-6, maxLon + 1e-6);
        });
    }

    @Test
    void heatmapShowsOnlyWhatTheViewerMaySee() {
        Heatmap heatmap = queries.handle(new FindHeatmapQuery(FROM, TO, 14, CHENGHUA_SUPERVISOR));

        assertThat(heatmap.tiles()).extracting(Heatmap.Tile::tile, Heatmap.Tile::cases)
                .containsExactly(tuple(CH_TILE, 3L));
    }

    /**
     * Periods that start and end at midnight, inside a day, on a day's last minutes, span one whole day or none,
     * whole months or none, end just after a case fell overdue, or reach past every case: summing the daily and
     * monthly figures and topping them up from the index at the ends answers exactly as aggregating the index over
     * the whole period, for every grouping, viewer and trend interval.
     */
    @Test
    void summingDailyFiguresAnswersAsTheIndexAlone() {
        Instant[][] periods = {
            {FROM, TO},
            {city("2026-03-01T00:00"), city("2026-03-31T17:30")},
            {city("2026-02-27T22:15"), city("2026-03-11T00:20")},
            {city("2026-03-10T23:00"), city("2026-03-12T01:00")},
            {city("2026-03-11T00:00"), city("2026-03-12T00:00")},
            {city("2026-03-05T03:00"), city("2026-03-05T20:00")},
            {city("2026-03-10T23:45"), city("2026-03-11T08:30")},
            {city("2026-01-01T06:00"), city("2026-05-01T00:00")},
            // ending on the day a case fell overdue, after it did: P05 (due 03-25 11:00), P13 (03-31 23:00), P14
            // (registered 04-02 10:00 with its DISPATCH step overdue) come from the index, the others from the rows
            {city("2026-03-01T00:00"), city("2026-03-25T12:00")},
            {city("2026-02-01T00:00"), city("2026-03-31T23:30")},
            {city("2026-03-20T00:00"), city("2026-04-02T10:30")},
            {city("2025-12-15T08:00"), city("2026-06-15T08:00")},
            // until a minute from now, over P17's day
            {FROM, Instant.now().plus(Duration.ofMinutes(1))},
            {Instant.now().minus(Duration.ofHours(20)), Instant.now().plus(Duration.ofMinutes(1))},
            // as the dashboard page asks: the last 365 days through today, whole (the index is not asked)
            {PerformanceQueries.Period.startOf(LocalDate.now(CaseFigures.CITY).minusDays(364)),
                PerformanceQueries.Period.startOf(LocalDate.now(CaseFigures.CITY).plusDays(1))},
        };
        Actor jinjiang = new Actor("S001", Role.SUPERVISOR, "510104");
        Actor cityWide = new Actor("S009", Role.SUPERVISOR, null);
        int compared = 0;
        for (Instant[] period : periods) {
            for (Actor viewer : List.of(ADMIN, CHENGHUA_SUPERVISOR, jinjiang, cityWide)) {
                for (Grouping grouping : Grouping.values()) {
                    FindPerformanceQuery query = new FindPerformanceQuery(period[0], period[1], grouping, viewer);
                    assertThat(queries.performance(query, true)).as("%s %s %s..%s", viewer.id(), grouping,
                            period[0], period[1]).isEqualTo(queries.performance(query, false));
                    compared++;
                }
                for (TrendInterval interval : TrendInterval.values()) {
                    FindTrendQuery query = new FindTrendQuery(period[0], period[1], interval, viewer);
                    assertThat(queries.trend(query, true)).as("%s %s %s..%s", viewer.id(), interval, period[0],
                            period[1]).isEqualTo(queries.trend(query, false));
                }
            }
        }
        assertThat(compared).isEqualTo(periods.length * 4 * Grouping.values().length);
        // and the answers compared are not empty: the whole month by district counts every case of March
        assertThat(queries.performance(new FindPerformanceQuery(FROM, TO, Grouping.DISTRICT, ADMIN), true).total()
                .registered()).isEqualTo(12);
    }

    /**
     * With PostgreSQL unreachable (a port nothing listens on), the dashboards answer from the index alone, and go
     * on doing so without waiting on the database again.
     */
    @Test
    void withoutTheDatabaseTheIndexAloneAnswers() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PGSimpleDataSource unreachable = new PGSimpleDataSource();
        unreachable.setUrl("jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres?connectTimeout=2");
        PerformanceQueries withoutDatabase = new PerformanceQueries(TestSearchNode.client(), TestSearchNode.index(),
                new CaseAccess(new ViewerDirectory(new JdbcTemplate())), new CaseFigures(new JdbcTemplate(unreachable)));
        FindPerformanceQuery month = new FindPerformanceQuery(FROM, TO, Grouping.STREET, CHENGHUA_SUPERVISOR);
        FindTrendQuery days = new FindTrendQuery(FROM, TO, TrendInterval.DAY, ADMIN);

        for (int i = 0; i < 2; i++) {
            assertThat(withoutDatabase.handle(month)).isEqualTo(queries.performance(month, false));
            assertThat(withoutDatabase.handle(days)).isEqualTo(queries.trend(days, false));
        }
        assertThat(withoutDatabase.handle(month).total().registered()).isPositive();
    }

    // ---- helpers

    private static Performance performance(Grouping grouping, Actor viewer) {
        return queries.handle(new FindPerformanceQuery(FROM, TO, grouping, viewer));
    }

    private static Map<String, UnitPerformance> byCode(Performance performance) {
        return performance.units().stream().collect(Collectors.toMap(UnitPerformance::unitCode, u -> u));
    }

    private static org.assertj.core.groups.Tuple day(String day, long... counts) {
        Object[] values = new Object[counts.length + 1];
        values[0] = LocalDate.parse(day);
        for (int i = 0; i < counts.length; i++) {
            values[i + 1] = counts[i];
        }
        return tuple(values);
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    private static Instant city(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CITY).toInstant();
    }

    private static void dispatched(CaseDocument d, String at, boolean onTime) {
        d.dispatchedAt = city(at);
        d.dispatchedOnTime = onTime;
    }

    /** Handling time is from the (last) dispatch to the (last) resolution, as the projection computes it. */
    private static void resolved(CaseDocument d, String at, boolean onTime) {
        d.resolvedAt = city(at);
        d.handledOnTime = onTime;
        d.handlingMinutes = Duration.between(d.dispatchedAt, d.resolvedAt).toMinutes();
    }

    private static void closed(CaseDocument d, String at, boolean onTime) {
        d.closedAt = city(at);
        d.closedOnTime = onTime;
    }

    private static CaseDocument doc(String id, String[] district, String[] category, String workerId,
                                    CaseStatus status, int reports, double lon, double dLat,
                                    Consumer<CaseDocument> timeline) {
        CaseDocument doc = new CaseDocument();
        doc.caseId = id;
        doc.version = 0;
        doc.status = status;
        doc.categoryCode = category[0];
        doc.categoryZh = category[1];
        doc.family = category[0].startsWith("C") ? "COMPONENT" : "EVENT";
        doc.majorCode = category[0].substring(0, 3);
        doc.urgency = "NORMAL";
        doc.description = "案件 " + id;
        doc.address = "地址 " + id;
        doc.location = new CaseDocument.Location(TILE_ROW_LAT + dLat, lon);
        if (district != null) {
            doc.districtCode = district[0];
            doc.district = district[1];
            doc.streetCode = district[0] + "001";
            doc.street = district[1] + "一街道";
            doc.communityCode = district[0] + "001001";
            doc.community = district[1] + "一社区";
            doc.cellCode = district[0] + "001001-01";
            doc.cellName = district[1] + "一网格";
        }
        doc.workerId = workerId;
        doc.reportCount = reports;
        timeline.accept(doc);
        return doc;
    }
}
