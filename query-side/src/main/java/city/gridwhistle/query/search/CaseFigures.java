package city.gridwhistle.query.search;

import city.gridwhistle.api.casework.CaseStatus;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The performance figures of docs/metrics.md summed per day and unit, and per month and unit, in PostgreSQL, in
 * step with the cases index (decisions 0033 and 0037): a dashboard over a year then adds up a few hundred rows
 * instead of aggregating every case of the year. Each case's contribution (its units, the day of each milestone, its
 * flags, and the day from which it counts as open and overdue) is kept as a row; when the projection writes a
 * case's new document, the difference between the new contribution and the stored one is added to the sums, in the
 * transaction that stores the processor's token. A redelivered batch finds the stored contribution already new and
 * adds nothing, so the sums are always exactly the sum of the stored rows.
 */
@Component
public class CaseFigures {

    /** The city's days: a figure counts on the day its milestone fell in Asia/Shanghai. */
    public static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    /** The totals' grouping: one unit, "", per district. */
    public static final String ALL = "ALL";
    /** Every grouping kept, the totals first; the others are the names of the dashboard's groupings. */
    public static final List<String> GROUPINGS = List.of(ALL, "DISTRICT", "STREET", "COMMUNITY", "CELL", "CATEGORY",
            "WORKER");
    /** This read model's row in read_model_rebuild_due, left by a migration that changed what the rows mean. */
    static final String REBUILD_DUE = "figures";
    /** Taken shared by every write and exclusively by a rebuild, which therefore never races a batch. */
    static final long LOCK = 0x6669677572657331L;

    /**
     * What the rows sum, one column each. All but the last count milestones on the day they fell; OPEN_OVERDUE
     * counts the cases open now on the day from which each is overdue, and is summed over every day before a moment
     * ({@link #openOverdue}), never over a period.
     */
    public enum Counter {
        REPORTED, REGISTERED, REGISTERED_ON_TIME, DISPATCHED, DISPATCHED_ACCURATELY, HANDLED, HANDLED_ON_TIME,
        REWORKED, HANDLING_MINUTES, HANDLING_TIMED, CLOSED, CLOSED_ON_TIME, OPEN_OVERDUE;

        public static final int COUNT = values().length;

        String column() {
            return name().toLowerCase();
        }
    }

    private static final String COLUMNS = Arrays.stream(Counter.values()).map(Counter::column)
            .collect(Collectors.joining(", "));
    /** The sums over a period: the open overdue cases are not a sum over one, and read 0. */
    private static final String SUMS = Arrays.stream(Counter.values())
            .map(c -> c == Counter.OPEN_OVERDUE ? "0" : "sum(" + c.column() + ")").collect(Collectors.joining(", "));
    private static final String ADD_DAILY = addSums("case_figures_daily", "day");
    private static final String ADD_MONTHLY = addSums("case_figures_monthly", "month");
    private static final String ADD_UNITS = """
            insert into case_figures_unit (grouped_by, district_code, unit_code, unit_name, cases)
            values (?, ?, ?, ?, ?)
            on conflict (grouped_by, district_code, unit_code) do update set
                cases = case_figures_unit.cases + excluded.cases,
                unit_name = case when excluded.cases > 0 then excluded.unit_name else case_figures_unit.unit_name end""";
    private static final String SAVE_CONTRIBUTIONS = """
            insert into case_figures_case (case_id, district_code, street_code, community_code, cell_code,
                category_code, worker_id, reported_on, reports, registered_on, registered_on_time, dispatched_on,
                dispatched_accurately, resolved_on, handled_on_time, reworked, handling_minutes, closed_on,
                closed_on_time, overdue_on)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (case_id) do update set district_code = excluded.district_code,
                street_code = excluded.street_code, community_code = excluded.community_code,
                cell_code = excluded.cell_code, category_code = excluded.category_code, worker_id = excluded.worker_id,
                reported_on = excluded.reported_on, reports = excluded.reports, registered_on = excluded.registered_on,
                registered_on_time = excluded.registered_on_time, dispatched_on = excluded.dispatched_on,
                dispatched_accurately = excluded.dispatched_accurately, resolved_on = excluded.resolved_on,
                handled_on_time = excluded.handled_on_time, reworked = excluded.reworked,
                handling_minutes = excluded.handling_minutes, closed_on = excluded.closed_on,
                closed_on_time = excluded.closed_on_time, overdue_on = excluded.overdue_on""";
    private static final String INSERT_CONTRIBUTIONS = SAVE_CONTRIBUTIONS.substring(0,
            SAVE_CONTRIBUTIONS.indexOf("on conflict"));
    /**
     * Each milestone's day in case_figures_case and what a case adds on it, counter by counter (the others add 0), as
     * {@link Changes#add} counts a contribution.
     */
    private static final Map<String, Map<Counter, String>> MILESTONES = milestones();
    private static final String SUM_DAILY = sumDaily();
    private static final String SUM_MONTHLY = """
            insert into case_figures_monthly (grouped_by, month, district_code, unit_code, %1$s)
            select grouped_by, date_trunc('month', day)::date, district_code, unit_code, %2$s
            from case_figures_daily group by 1, 2, 3, 4""".formatted(COLUMNS, Arrays.stream(Counter.values())
            .map(c -> "sum(" + c.column() + ")").collect(Collectors.joining(", ")));

    private final JdbcTemplate jdbc;

    public CaseFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Brings the figures in step with these documents, as written to the index. Runs in the caller's transaction,
     * which must be the one that records how far the documents' events have been read.
     */
    public void record(Collection<CaseDocument> documents) {
        if (documents.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // outside a transaction the differences would commit without the token, and be added again on redelivery
            throw new IllegalStateException("the daily figures are written in the transaction of the processor's token");
        }
        jdbc.query("select pg_advisory_xact_lock_shared(?)", rs -> { }, LOCK);
        Map<String, CaseDocument> byId = new LinkedHashMap<>();
        documents.forEach(doc -> byId.put(doc.caseId, doc));
        Map<String, Contribution> stored = stored(byId.keySet());
        Changes changes = new Changes();
        List<Contribution> changed = new ArrayList<>();
        for (CaseDocument doc : byId.values()) {
            Contribution now = Contribution.of(doc);
            Contribution before = stored.get(doc.caseId);
            if (now.equals(before)) {
                continue;
            }
            changed.add(now);
            if (before != null) {
                changes.add(before, null, -1);
            }
            changes.add(now, doc, 1);
        }
        if (changed.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(SAVE_CONTRIBUTIONS, changed.stream().map(Contribution::row).toList());
        jdbc.batchUpdate(ADD_DAILY, rows(changes.daily));
        jdbc.batchUpdate(ADD_MONTHLY, rows(changes.monthly));
        addUnits(changes);
    }

    private void addUnits(Changes changes) {
        List<Object[]> units = new ArrayList<>();
        changes.units.forEach((key, cases) -> {
            if (cases != 0) {
                units.add(new Object[] {key.groupedBy(), key.district(), key.unit(),
                        changes.names.getOrDefault(key, key.unit()), cases});
            }
        });
        jdbc.batchUpdate(ADD_UNITS, units);
    }

    /**
     * Records every case afresh, for a rebuild: {@link #clear}s the figures, then {@link Afresh#record} stores the
     * contributions of each page of documents and {@link Afresh#sum} adds up the daily and monthly rows from all of
     * them at the end, in one statement each, instead of upserting a page's rows for every page. All in the
     * caller's transaction.
     */
    Afresh afresh() {
        clear();
        return new Afresh();
    }

    /** A rebuild's recording: contributions page by page, the units counted as they come, the sums at the end. */
    final class Afresh {

        private final Changes units = new Changes();

        /** Stores these cases' contributions; a case recorded twice fails (its contribution's key is taken). */
        void record(Collection<CaseDocument> documents) {
            List<Object[]> rows = new ArrayList<>();
            for (CaseDocument doc : documents) {
                Contribution contribution = Contribution.of(doc);
                rows.add(contribution.row());
                units.addUnits(contribution, doc, 1);
            }
            jdbc.batchUpdate(INSERT_CONTRIBUTIONS, rows);
        }

        /** Sums the daily rows from the stored contributions, the monthly ones from the daily, and saves the units. */
        void sum() {
            jdbc.execute("set local work_mem = '256MB'");
            jdbc.update(SUM_DAILY);
            jdbc.update(SUM_MONTHLY);
            addUnits(units);
        }
    }

    /**
     * The sums over the whole days {@code first..last}, per unit of a grouping ({@link #ALL}: the one unit ""),
     * in one district or, when {@code district} is null, in all of them: the whole calendar months inside from the
     * monthly rows, the days before and after them from the daily ones. OPEN_OVERDUE reads 0.
     */
    public Map<String, long[]> sums(String groupedBy, LocalDate first, LocalDate last, String district) {
        LocalDate firstMonth = first.getDayOfMonth() == 1 ? first : first.withDayOfMonth(1).plusMonths(1);
        LocalDate afterMonths = last.plusDays(1).withDayOfMonth(1);
        if (!firstMonth.isBefore(afterMonths)) {
            // no whole month: every day from the daily rows, the month ranges below left empty
            firstMonth = last.plusDays(1);
            afterMonths = firstMonth;
        }
        String inDistrict = district == null ? "" : " and district_code = ?";
        String sql = """
                select unit_code, %1$s from (
                    select unit_code, %2$s from case_figures_daily where grouped_by = ? and day between ? and ?%3$s
                    union all
                    select unit_code, %2$s from case_figures_monthly where grouped_by = ? and month between ? and ?%3$s
                    union all
                    select unit_code, %2$s from case_figures_daily where grouped_by = ? and day between ? and ?%3$s
                ) f group by unit_code""".formatted(SUMS, COLUMNS, inDistrict);
        List<Object> args = new ArrayList<>();
        args.addAll(List.of(withDistrict(district, groupedBy, first, firstMonth.minusDays(1))));
        args.addAll(List.of(withDistrict(district, groupedBy, firstMonth, afterMonths.minusMonths(1))));
        args.addAll(List.of(withDistrict(district, groupedBy, afterMonths, last)));
        Map<String, long[]> sums = new HashMap<>();
        jdbc.query(sql, rs -> {
            sums.put(rs.getString(1), counters(rs, 2));
        }, args.toArray());
        return sums;
    }

    /**
     * The cases open now that count as overdue from a day before {@code day}, per unit of a grouping, in one
     * district or all (null): the months before {@code day}'s from the monthly rows, its days before it from the
     * daily ones. Units without any are absent.
     */
    public Map<String, Long> openOverdue(String groupedBy, LocalDate day, String district) {
        LocalDate month = day.withDayOfMonth(1);
        String inDistrict = district == null ? "" : " and district_code = ?";
        String sql = """
                select unit_code, sum(open_overdue) from (
                    select unit_code, open_overdue from case_figures_monthly
                    where grouped_by = ? and month < ? and open_overdue <> 0%1$s
                    union all
                    select unit_code, open_overdue from case_figures_daily
                    where grouped_by = ? and day >= ? and day < ? and open_overdue <> 0%1$s
                ) f group by unit_code having sum(open_overdue) <> 0""".formatted(inDistrict);
        List<Object> args = new ArrayList<>(List.of(groupedBy, month));
        if (district != null) {
            args.add(district);
        }
        args.addAll(List.of(withDistrict(district, groupedBy, month, day)));
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(sql, rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        }, args.toArray());
        return counts;
    }

    /** The totals per day over {@code first..last}, in one district or all (null); days without a case are absent. */
    public Map<LocalDate, long[]> perDay(LocalDate first, LocalDate last, String district) {
        Map<LocalDate, long[]> days = new TreeMap<>();
        jdbc.query("select day, " + SUMS + " from case_figures_daily where grouped_by = ? and day between ? and ?"
                        + (district == null ? "" : " and district_code = ?") + " group by day",
                rs -> {
                    long[] sums = counters(rs, 2);
                    // a day whose row holds only cases that fell overdue on it has no milestone to show
                    if (Arrays.stream(sums).anyMatch(sum -> sum != 0)) {
                        days.put(rs.getObject(1, LocalDate.class), sums);
                    }
                }, withDistrict(district, ALL, first, last));
        return days;
    }

    /** The units of a grouping that hold a case now, in one district or all (null), with their names. */
    public Map<String, String> units(String groupedBy, String district) {
        Map<String, String> units = new LinkedHashMap<>();
        jdbc.query("select unit_code, max(unit_name) from case_figures_unit where grouped_by = ? and cases > 0"
                        + (district == null ? "" : " and district_code = ?") + " group by unit_code order by unit_code",
                rs -> {
                    units.put(rs.getString(1), rs.getString(2));
                }, district == null ? new Object[] {groupedBy} : new Object[] {groupedBy, district});
        return units;
    }

    /** Whether a migration left word that the stored figures must be recomputed. */
    boolean rebuildDue() {
        return !jdbc.queryForList("select 1 from read_model_rebuild_due where model = ?", Integer.class, REBUILD_DUE)
                .isEmpty();
    }

    /**
     * Takes the word that the figures must be recomputed, in the caller's transaction, under the lock a rebuild
     * holds: answers whether it was still there.
     */
    boolean takeRebuildDue() {
        jdbc.query("select pg_advisory_xact_lock(?)", rs -> { }, LOCK);
        return jdbc.update("delete from read_model_rebuild_due where model = ?", REBUILD_DUE) > 0;
    }

    /**
     * Forgets every figure, and any word that they are due for a rebuild, in the caller's transaction, before a
     * rebuild records every case again.
     */
    void clear() {
        jdbc.query("select pg_advisory_xact_lock(?)", rs -> { }, LOCK);
        jdbc.update("delete from read_model_rebuild_due where model = ?", REBUILD_DUE);
        jdbc.update("delete from case_figures_case");
        jdbc.update("delete from case_figures_daily");
        jdbc.update("delete from case_figures_monthly");
        jdbc.update("delete from case_figures_unit");
    }

    private static Map<String, Map<Counter, String>> milestones() {
        Map<String, Map<Counter, String>> milestones = new LinkedHashMap<>();
        milestones.put("reported_on", Map.of(Counter.REPORTED, "c.reports"));
        milestones.put("registered_on", Map.of(Counter.REGISTERED, "1",
                Counter.REGISTERED_ON_TIME, "c.registered_on_time::int"));
        milestones.put("dispatched_on", Map.of(Counter.DISPATCHED, "1",
                Counter.DISPATCHED_ACCURATELY, "c.dispatched_accurately::int"));
        milestones.put("resolved_on", Map.of(Counter.HANDLED, "1", Counter.HANDLED_ON_TIME, "c.handled_on_time::int",
                Counter.REWORKED, "c.reworked::int", Counter.HANDLING_MINUTES, "coalesce(c.handling_minutes, 0)",
                Counter.HANDLING_TIMED, "(c.handling_minutes is not null)::int"));
        milestones.put("closed_on", Map.of(Counter.CLOSED, "1", Counter.CLOSED_ON_TIME, "c.closed_on_time::int"));
        milestones.put("overdue_on", Map.of(Counter.OPEN_OVERDUE, "1"));
        return milestones;
    }

    /**
     * Every case's contribution, once per grouping it has a unit in and per milestone it reached, summed by
     * grouping, day, district and unit: the daily rows as recording the cases one by one leaves them.
     */
    private static String sumDaily() {
        String milestones = MILESTONES.entrySet().stream()
                .map(m -> "(c." + m.getKey() + ", " + Arrays.stream(Counter.values())
                        .map(counter -> m.getValue().getOrDefault(counter, "0") + "::bigint")
                        .collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining(",\n        "));
        String sums = Arrays.stream(Counter.values()).map(c -> "sum(m." + c.column() + ")")
                .collect(Collectors.joining(", "));
        return """
                insert into case_figures_daily (grouped_by, day, district_code, unit_code, %1$s)
                select g.grouped_by, m.day, c.district_code, g.unit_code, %2$s
                from case_figures_case c
                cross join lateral (values ('ALL', ''), ('DISTRICT', nullif(c.district_code, '')),
                    ('STREET', c.street_code), ('COMMUNITY', c.community_code), ('CELL', c.cell_code),
                    ('CATEGORY', c.category_code), ('WORKER', c.worker_id)) g (grouped_by, unit_code)
                cross join lateral (values %3$s) m (day, %1$s)
                where g.unit_code is not null and m.day is not null
                group by g.grouped_by, m.day, c.district_code, g.unit_code
                having %4$s""".formatted(COLUMNS, sums, milestones,
                Arrays.stream(Counter.values()).map(c -> "sum(m." + c.column() + ") <> 0")
                        .collect(Collectors.joining(" or ")));
    }

    private static String addSums(String table, String period) {
        return """
                insert into %1$s (grouped_by, %2$s, district_code, unit_code, %3$s)
                values (?, ?, ?, ?, %4$s)
                on conflict (grouped_by, %2$s, district_code, unit_code) do update set %5$s""".formatted(table, period,
                COLUMNS, String.join(", ", Collections.nCopies(Counter.COUNT, "?")),
                Arrays.stream(Counter.values()).map(c -> c.column() + " = " + table + "." + c.column()
                        + " + excluded." + c.column()).collect(Collectors.joining(", ")));
    }

    /** The statement rows of the sums that changed, in key order. */
    private static List<Object[]> rows(Map<SumKey, long[]> sums) {
        List<Object[]> rows = new ArrayList<>();
        sums.forEach((key, counts) -> {
            if (Arrays.stream(counts).anyMatch(count -> count != 0)) {
                Object[] row = new Object[4 + Counter.COUNT];
                row[0] = key.groupedBy();
                row[1] = key.day();
                row[2] = key.district();
                row[3] = key.unit();
                for (int i = 0; i < Counter.COUNT; i++) {
                    row[4 + i] = counts[i];
                }
                rows.add(row);
            }
        });
        return rows;
    }

    private static Object[] withDistrict(String district, String groupedBy, LocalDate first, LocalDate last) {
        return district == null ? new Object[] {groupedBy, first, last} : new Object[] {groupedBy, first, last, district};
    }

    private static long[] counters(ResultSet rs, int firstColumn) throws SQLException {
        long[] counts = new long[Counter.COUNT];
        for (int i = 0; i < Counter.COUNT; i++) {
            counts[i] = rs.getLong(firstColumn + i);
        }
        return counts;
    }

    private Map<String, Contribution> stored(Collection<String> caseIds) {
        Map<String, Contribution> stored = new HashMap<>();
        jdbc.query(con -> {
            var statement = con.prepareStatement("select * from case_figures_case where case_id = any(?)");
            Array ids = con.createArrayOf("text", caseIds.toArray());
            statement.setArray(1, ids);
            return statement;
        }, rs -> {
            Contribution contribution = Contribution.read(rs);
            stored.put(contribution.caseId(), contribution);
        });
        return stored;
    }

    private record SumKey(String groupedBy, LocalDate day, String district, String unit) {
        static final Comparator<SumKey> ORDER = Comparator.comparing(SumKey::groupedBy).thenComparing(SumKey::day)
                .thenComparing(SumKey::district).thenComparing(SumKey::unit);
    }

    private record UnitKey(String groupedBy, String district, String unit) {
        static final Comparator<UnitKey> ORDER = Comparator.comparing(UnitKey::groupedBy)
                .thenComparing(UnitKey::district).thenComparing(UnitKey::unit);
    }

    /**
     * The changes of one batch, in key order: two batches that change the same rows lock them in the same order,
     * so they wait for each other rather than deadlock.
     */
    private static final class Changes {
        final Map<SumKey, long[]> daily = new TreeMap<>(SumKey.ORDER);
        /** The same changes per month: the key's day is the month's first. */
        final Map<SumKey, long[]> monthly = new TreeMap<>(SumKey.ORDER);
        final Map<UnitKey, Long> units = new TreeMap<>(UnitKey.ORDER);
        final Map<UnitKey, String> names = new HashMap<>();

        /** Adds a contribution ({@code sign} 1) or takes it away (-1); the document names the units it adds to. */
        void add(Contribution c, CaseDocument doc, int sign) {
            addUnits(c, doc, sign);
            String district = c.district() == null ? "" : c.district();
            for (String groupedBy : GROUPINGS) {
                String unit = c.unitOf(groupedBy);
                if (unit == null) {
                    continue;
                }
                count(groupedBy, c.reportedOn(), district, unit, sign, Counter.REPORTED, c.reports());
                count(groupedBy, c.registeredOn(), district, unit, sign, Counter.REGISTERED, 1);
                count(groupedBy, c.registeredOn(), district, unit, sign, Counter.REGISTERED_ON_TIME,
                        c.registeredOnTime() ? 1 : 0);
                count(groupedBy, c.dispatchedOn(), district, unit, sign, Counter.DISPATCHED, 1);
                count(groupedBy, c.dispatchedOn(), district, unit, sign, Counter.DISPATCHED_ACCURATELY,
                        c.dispatchedAccurately() ? 1 : 0);
                count(groupedBy, c.resolvedOn(), district, unit, sign, Counter.HANDLED, 1);
                count(groupedBy, c.resolvedOn(), district, unit, sign, Counter.HANDLED_ON_TIME, c.handledOnTime() ? 1 : 0);
                count(groupedBy, c.resolvedOn(), district, unit, sign, Counter.REWORKED, c.reworked() ? 1 : 0);
                if (c.handlingMinutes() != null) {
                    count(groupedBy, c.resolvedOn(), district, unit, sign, Counter.HANDLING_MINUTES, c.handlingMinutes());
                    count(groupedBy, c.resolvedOn(), district, unit, sign, Counter.HANDLING_TIMED, 1);
                }
                count(groupedBy, c.closedOn(), district, unit, sign, Counter.CLOSED, 1);
                count(groupedBy, c.closedOn(), district, unit, sign, Counter.CLOSED_ON_TIME, c.closedOnTime() ? 1 : 0);
                count(groupedBy, c.overdueOn(), district, unit, sign, Counter.OPEN_OVERDUE, 1);
            }
        }

        /** Counts the case in (or out of) the units it is in, named as the document has them; not in the totals. */
        void addUnits(Contribution c, CaseDocument doc, int sign) {
            String district = c.district() == null ? "" : c.district();
            for (String groupedBy : GROUPINGS.subList(1, GROUPINGS.size())) {
                String unit = c.unitOf(groupedBy);
                if (unit != null) {
                    UnitKey key = new UnitKey(groupedBy, district, unit);
                    units.merge(key, (long) sign, Long::sum);
                    if (doc != null) {
                        names.put(key, nameOf(doc, groupedBy, unit));
                    }
                }
            }
        }

        private void count(String groupedBy, LocalDate day, String district, String unit, int sign, Counter counter,
                           long value) {
            if (day != null && value != 0) {
                daily.computeIfAbsent(new SumKey(groupedBy, day, district, unit), k -> new long[Counter.COUNT])
                        [counter.ordinal()] += sign * value;
                monthly.computeIfAbsent(new SumKey(groupedBy, day.withDayOfMonth(1), district, unit),
                        k -> new long[Counter.COUNT])[counter.ordinal()] += sign * value;
            }
        }
    }

    /** The unit's name as the dashboard shows it, as the document has it. */
    private static String nameOf(CaseDocument doc, String groupedBy, String code) {
        String name = switch (groupedBy) {
            case "DISTRICT" -> doc.district;
            case "STREET" -> doc.street;
            case "COMMUNITY" -> doc.community;
            case "CELL" -> doc.cellName;
            case "CATEGORY" -> doc.categoryZh;
            default -> code;
        };
        return name == null ? code : name;
    }

    /**
     * What one case adds to the figures: its units; for each milestone it reached, the day and the flags; and, while
     * it is open, the day from which it counts as overdue.
     */
    record Contribution(String caseId, String district, String street, String community, String cell, String category,
                        String worker, LocalDate reportedOn, int reports, LocalDate registeredOn,
                        boolean registeredOnTime, LocalDate dispatchedOn, boolean dispatchedAccurately,
                        LocalDate resolvedOn, boolean handledOnTime, boolean reworked, Long handlingMinutes,
                        LocalDate closedOn, boolean closedOnTime, LocalDate overdueOn) {

        /** As docs/metrics.md defines the figures over a document (the same fields the index aggregates). */
        static Contribution of(CaseDocument doc) {
            return new Contribution(doc.caseId, doc.districtCode, doc.streetCode, doc.communityCode, doc.cellCode,
                    doc.categoryCode, doc.workerId, day(doc.reportedAt), doc.reportCount, day(doc.registeredAt),
                    Boolean.TRUE.equals(doc.dispatchedOnTime), day(doc.dispatchedAt), doc.transferCount == 0,
                    day(doc.resolvedAt), Boolean.TRUE.equals(doc.handledOnTime), doc.reworked, doc.handlingMinutes,
                    day(doc.closedAt), Boolean.TRUE.equals(doc.closedOnTime), day(overdueFrom(doc)));
        }

        /**
         * From when the case counts among the open and overdue ones (docs/metrics.md, 应结案数): never once it is
         * closed, voided or merged, or before it is registered; from its registration if a step already went overdue;
         * otherwise from when the running step falls due, if one runs. The index asks the same of its fields
         * ({@code PerformanceQueries.overdueBy}).
         */
        static Instant overdueFrom(CaseDocument doc) {
            if (doc.registeredAt == null || (doc.status != null && !doc.status.isOpen())) {
                return null;
            }
            if (doc.overdueSteps != null && !doc.overdueSteps.isEmpty()) {
                return doc.registeredAt;
            }
            return doc.stepDueAt == null ? null
                    : doc.stepDueAt.isAfter(doc.registeredAt) ? doc.stepDueAt : doc.registeredAt;
        }

        String unitOf(String groupedBy) {
            return switch (groupedBy) {
                case ALL -> "";
                case "DISTRICT" -> district;
                case "STREET" -> street;
                case "COMMUNITY" -> community;
                case "CELL" -> cell;
                case "CATEGORY" -> category;
                case "WORKER" -> worker;
                default -> throw new IllegalArgumentException("no grouping " + groupedBy);
            };
        }

        Object[] row() {
            return new Object[] {caseId, district == null ? "" : district, street, community, cell, category, worker,
                    reportedOn, reports, registeredOn, registeredOnTime, dispatchedOn, dispatchedAccurately,
                    resolvedOn, handledOnTime, reworked, handlingMinutes, closedOn, closedOnTime, overdueOn};
        }

        static Contribution read(ResultSet rs) throws SQLException {
            String district = rs.getString("district_code");
            return new Contribution(rs.getString("case_id"), district.isEmpty() ? null : district,
                    rs.getString("street_code"), rs.getString("community_code"), rs.getString("cell_code"),
                    rs.getString("category_code"), rs.getString("worker_id"),
                    rs.getObject("reported_on", LocalDate.class), rs.getInt("reports"),
                    rs.getObject("registered_on", LocalDate.class), rs.getBoolean("registered_on_time"),
                    rs.getObject("dispatched_on", LocalDate.class), rs.getBoolean("dispatched_accurately"),
                    rs.getObject("resolved_on", LocalDate.class), rs.getBoolean("handled_on_time"),
                    rs.getBoolean("reworked"), rs.getObject("handling_minutes", Long.class), rs.getObject("closed_on", LocalDate.class),
                    rs.getBoolean("closed_on_time"), rs.getObject("overdue_on", LocalDate.class));
        }

        private static LocalDate day(Instant at) {
            return at == null ? null : at.atZone(CITY).toLocalDate();
        }
    }
}
