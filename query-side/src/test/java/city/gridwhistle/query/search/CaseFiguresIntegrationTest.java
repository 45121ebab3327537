package city.gridwhistle.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.gridwhistle.api.casework.CaseStatus;
import city.gridwhistle.query.TestDatabase;
import city.gridwhistle.query.TestSearchNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily and monthly figures as the cases projection keeps them: batch after batch of changed documents, a batch
 * delivered twice, a batch rolled back, all end exactly where computing the figures afresh from the final documents
 * does; sums over whole months and the open overdue cases read them back.
 */
class CaseFiguresIntegrationTest {

    private static final LocalDate MARCH_2 = LocalDate.parse("2026-03-02");
    private static final LocalDate MARCH_3 = LocalDate.parse("2026-03-03");

    private final JdbcTemplate jdbc = TestDatabase.jdbc();
    private final TransactionTemplate transaction = new TransactionTemplate(TestDatabase.transactions());
    private final CaseFigures figures = new CaseFigures(jdbc);

    @BeforeEach
    void startEmpty() {
        transaction.executeWithoutResult(status -> figures.clear());
    }

    @Test
    void batchesRedeliveriesAndRollbacksEndWhereARebuildFromTheFinalDocumentsDoes() {
        CaseDocument a = reported("F1", "510104", "W1", "2026-03-02T09:00");
        CaseDocument b = reported("F2", "510104", "W2", "2026-03-02T10:00");
        CaseDocument c = reported("F3", "510108", "W3", "2026-03-02T23:30");
        c.stepDueAt = at("2026-03-03T08:00");
        inTransaction(List.of(a, b, c));

        // a is handled and closed; b moves to another district and worker; c is untouched
        a.dispatchedAt = at("2026-03-02T11:00");
        a.dispatchedOnTime = true;
        a.resolvedAt = at("2026-03-03T11:00");
        a.handledOnTime = true;
        a.handlingMinutes = 1440L;
        a.closedAt = at("2026-03-03T12:00");
        a.closedOnTime = true;
        a.status = CaseStatus.CLOSED;
        CaseDocument movedB = reported("F2", "510108", "W3", "2026-03-02T10:00");
        movedB.overdueSteps.add("DISPATCH");
        inTransaction(List.of(a, movedB, c));
        inTransaction(List.of(a, movedB, c)); // the same batch again: adds nothing

        CaseDocument reopened = reported("F1", "510104", "W1", "2026-03-02T09:00");
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            figures.record(List.of(reopened));
            throw new IllegalStateException("the bulk request failed");
        })).hasMessage("the bulk request failed");

        Map<String, long[]> districts = figures.sums("DISTRICT", MARCH_2, MARCH_3, null);
        assertThat(districts.get("510104")).as("JJ: a reported, registered, dispatched on the 2nd, handled and "
                + "closed on the 3rd").containsExactly(1, 1, 1, 1, 1, 1, 1, 0, 1440, 1, 1, 1, 0);
        assertThat(districts.get("510108")).as("CH: b and c reported and registered; the open overdue are no sum")
                .containsExactly(2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(figures.openOverdue("DISTRICT", MARCH_3, null)).as("b overdue since its registration")
                .containsExactly(Map.entry("510108", 1L));
        assertThat(figures.openOverdue("DISTRICT", MARCH_3.plusDays(1), null)).as("and c since its step fell due")
                .containsExactly(Map.entry("510108", 2L));
        assertThat(figures.openOverdue(CaseFigures.ALL, LocalDate.parse("2026-04-10"), "510108"))
                .as("from the monthly rows").containsExactly(Map.entry("", 2L));
        assertThat(figures.openOverdue(CaseFigures.ALL, MARCH_2, null)).isEmpty();
        assertThat(figures.units("WORKER", null)).containsOnlyKeys("W1", "W3");
        assertThat(figures.units("DISTRICT", "510104")).containsExactly(Map.entry("510104", "锦江区"));
        assertThat(figures.perDay(MARCH_2, MARCH_3, "510108")).containsOnlyKeys(MARCH_2);
        List<String> kept = snapshot();

        TestSearchNode.replaceAllCases(List.of(a, movedB, c));
        var rebuilt = new CaseFiguresRebuild(TestSearchNode.client(), TestSearchNode.index(), figures,
                TestDatabase.transactions()).runNow();

        assertThat(rebuilt.state()).isEqualTo("DONE");
        assertThat(snapshot()).isNotEmpty().isEqualTo(kept);
    }

    @Test
    void sumsOverWholeMonthsAddTheMonthlyRowsToTheDaysAroundThem() {
        List<String> days = List.of("2026-02-27", "2026-03-02", "2026-03-31", "2026-04-01", "2026-04-15",
                "2026-05-02");
        List<CaseDocument> cases = new java.util.ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            cases.add(reported("M" + i, "510104", "W1", days.get(i) + "T12:00"));
        }
        inTransaction(cases);

        assertThat(reportedBetween("2026-02-27", "2026-05-01")).isEqualTo(5);
        assertThat(reportedBetween("2026-02-28", "2026-04-01")).isEqualTo(3);
        assertThat(reportedBetween("2026-03-01", "2026-03-31")).isEqualTo(2);
        assertThat(reportedBetween("2026-03-02", "2026-03-30")).isEqualTo(1);
        assertThat(reportedBetween("2026-03-03", "2026-03-30")).isZero();
        assertThat(reportedBetween("2026-01-01", "2026-12-31")).isEqualTo(6);
        assertThat(jdbc.queryForList("select month || ' ' || reported from case_figures_monthly "
                + "where grouped_by = 'ALL' order by month", String.class))
                .containsExactly("2026-02-01 1", "2026-03-01 2", "2026-04-01 2", "2026-05-01 1");
    }

    @Test
    void aMigrationsWordThatTheFiguresAreDueForARebuildIsTakenOnce() throws Exception {
        inTransaction(List.of(reported("R1", "510104", "W1", "2026-03-02T09:00")));
        List<String> kept = snapshot();
        jdbc.update("delete from case_figures_monthly");
        jdbc.update("insert into read_model_rebuild_due (model, reason) values ('figures', 'a test')");
        TestSearchNode.replaceAllCases(List.of(reported("R1", "510104", "W1", "2026-03-02T09:00")));
        var rebuild = new CaseFiguresRebuild(TestSearchNode.client(), TestSearchNode.index(), figures,
                TestDatabase.transactions());

        rebuild.rebuildIfDue();
        for (int i = 0; i < 300 && !"DONE".equals(rebuild.progress().state()); i++) {
            Thread.sleep(100);
        }

        assertThat(rebuild.progress().state()).isEqualTo("DONE");
        assertThat(snapshot()).isEqualTo(kept);
        assertThat(figures.rebuildDue()).isFalse();
        var started = rebuild.progress().startedAt();
        rebuild.rebuildIfDue();
        assertThat(rebuild.progress().startedAt()).as("nothing due: no second rebuild").isEqualTo(started);
    }

    @Test
    void aCaseWithoutDistrictOrWorkerCountsInTheTotalsOnly() {
        CaseDocument unplaced = reported("F4", null, null, "2026-03-02T09:00");
        inTransaction(List.of(unplaced));

        assertThat(figures.sums(CaseFigures.ALL, MARCH_2, MARCH_2, null).get("")[0]).isEqualTo(1);
        assertThat(figures.sums("DISTRICT", MARCH_2, MARCH_2, null)).isEmpty();
        assertThat(figures.units("WORKER", null)).isEmpty();
        assertThat(figures.sums(CaseFigures.ALL, MARCH_2, MARCH_2, "510104")).isEmpty();
    }

    @Test
    void outsideATransactionNothingIsRecorded() {
        assertThatThrownBy(() -> figures.record(List.of(reported("F5", "510104", "W1", "2026-03-02T09:00"))))
                .isInstanceOf(IllegalStateException.class);

        assertThat(snapshot()).isEmpty();
    }

    private void inTransaction(List<CaseDocument> documents) {
        transaction.executeWithoutResult(status -> figures.record(documents));
    }

    private long reportedBetween(String first, String last) {
        return figures.sums(CaseFigures.ALL, LocalDate.parse(first), LocalDate.parse(last), null)
                .getOrDefault("", new long[CaseFigures.Counter.COUNT])[0];
    }

    /** Every non-zero daily and monthly row and every unit holding cases, in order. */
    private List<String> snapshot() {
        List<String> rows = new java.util.ArrayList<>();
        for (String table : List.of("case_figures_daily d", "case_figures_monthly m")) {
            rows.addAll(jdbc.queryForList("""
                    select concat_ws(' ', '%1$s', grouped_by, %1$s, district_code, unit_code, reported, registered,
                        registered_on_time, dispatched, dispatched_accurately, handled, handled_on_time, reworked,
                        handling_minutes, handling_timed, closed, closed_on_time, open_overdue)
                    from %2$s
                    where reported + registered + dispatched + handled + closed + handling_minutes + open_overdue <> 0
                    order by 1""".formatted(table.endsWith("d") ? "day" : "month", table), String.class));
        }
        rows.addAll(jdbc.queryForList("""
                select concat_ws(' ', grouped_by, district_code, unit_code, unit_name, cases) from case_figures_unit
                where cases <> 0 order by 1""", String.class));
        return rows;
    }

    private static CaseDocument reported(String id, String district, String worker, String at) {
        CaseDocument doc = new CaseDocument();
        doc.caseId = id;
        doc.version = 3;
        doc.status = CaseStatus.REGISTERED;
        doc.categoryCode = "C0101";
        doc.categoryZh = "窨井盖";
        if (district != null) {
            doc.districtCode = district;
            doc.district = district.equals("510104") ? "锦江区" : "成华区";
            doc.streetCode = district + "001";
            doc.street = doc.district + "一街道";
            doc.communityCode = district + "001001";
            doc.community = doc.district + "一社区";
            doc.cellCode = district + "001001-01";
            doc.cellName = doc.district + "一网格";
        }
        doc.workerId = worker;
        doc.reportCount = 1;
        doc.reportedAt = at(at);
        doc.registeredAt = at(at);
        return doc;
    }

    private static Instant at(String cityTime) {
        return LocalDateTime.parse(cityTime).atZone(CaseFigures.CITY).toInstant();
    }
}
