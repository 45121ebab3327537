package city.gridwhistle.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What PostgreSQL does per report: pg_stat_statements (which the embedded server loads, in the schema
 * {@code monitoring}) reset before a phase and read after it, divided by the reports the phase filed.
 */
final class StatementStats {

    /** One statement's share of a report: calls, execution and planning time, WAL. */
    record Line(String query, double callsPerReport, double msPerReport, double walBytesPerReport) {
    }

    /** The whole phase: every statement summed, and every statement, the largest by time first. */
    record PerReport(double calls, double ms, double walBytes, List<Line> lines) {

        List<Line> top(int n) {
            return lines.subList(0, Math.min(n, lines.size()));
        }
    }

    private StatementStats() {
    }

    static void reset(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("select monitoring.pg_stat_statements_reset()");
        }
    }

    static PerReport read(Connection connection, long reports) throws SQLException {
        double n = Math.max(1, reports);
        List<Line> lines = new ArrayList<>();
        double calls = 0;
        double ms = 0;
        double wal = 0;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                select regexp_replace(query, '\\s+', ' ', 'g'), calls, total_exec_time + total_plan_time, wal_bytes
                  from monitoring.pg_stat_statements
                 where query not like '%pg_stat_statements%'
                 order by total_exec_time + total_plan_time desc""")) {
            while (rs.next()) {
                calls += rs.getLong(2);
                ms += rs.getDouble(3);
                wal += rs.getDouble(4);
                lines.add(new Line(rs.getString(1), rs.getLong(2) / n, rs.getDouble(3) / n, rs.getDouble(4) / n));
            }
        }
        return new PerReport(calls / n, ms / n, wal / n, lines);
    }
}
