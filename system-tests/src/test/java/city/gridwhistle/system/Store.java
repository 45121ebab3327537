package city.gridwhistle.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the test reads and writes in an application's database directly: the event store and its neighbours. */
final class Store {

    /** One stored event of a case, as the checks need it. */
    record StoredEvent(String aggregateId, long sequence, String type, long globalIndex, String eventId) {
    }

    private final String jdbcUrl;

    Store(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }

    long count(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement s = prepare(c, sql, args); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    List<Map<String, Object>> rows(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement s = prepare(c, sql, args); ResultSet rs = s.executeQuery()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= columns; i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    int update(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement s = prepare(c, sql, args)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    boolean tableExists(String table) {
        return count("select count(*) from information_schema.tables where table_name = ?", table) > 0;
    }

    boolean demoCityLoaded() {
        return tableExists("demo_seed") && count("select count(*) from demo_seed where name = 'demo-city'") > 0;
    }

    /** Every event of every case (aggregate type CaseFile), by case, in sequence order. */
    Map<String, List<StoredEvent>> caseEvents() {
        Map<String, List<StoredEvent>> byCase = new HashMap<>();
        for (Map<String, Object> row : rows("""
                select aggregate_identifier, sequence_number, payload_type, global_index, event_identifier
                  from domain_event_entry
                 where type = 'CaseFile' order by aggregate_identifier, sequence_number""")) {
            String type = row.get("payload_type").toString();
            StoredEvent event = new StoredEvent(row.get("aggregate_identifier").toString(),
                    ((Number) row.get("sequence_number")).longValue(), type.substring(type.lastIndexOf('.') + 1),
                    ((Number) row.get("global_index")).longValue(), row.get("event_identifier").toString());
            byCase.computeIfAbsent(event.aggregateId(), k -> new ArrayList<>()).add(event);
        }
        return byCase;
    }

    long head() {
        return count("select coalesce(max(global_index), -1) from domain_event_entry");
    }

    /** A drill category: every step limited to the given seconds, duplicates only within a metre. */
    void drillCategory(String code, int seconds) {
        String limit = "{\"amount\":" + seconds + ",\"unit\":\"SECONDS\"}";
        String rules = """
                {"code":"%s","family":"EVENT","majorCode":"99","majorZh":"演练","majorEn":"Drill","minorCode":"%s",
                 "zh":"时限演练","en":"Deadline drill","urgency":"URGENT",
                 "limits":{"dispatch":%s,"accept":%s,"handle":%s,"verify":%s},
                 "duplicateRadiusMeters":1,"registrationCondition":"演练","closingCondition":"演练",
                 "responsibleUnit":"指挥中心"}""".formatted(code, code.substring(3), limit, limit, limit, limit);
        update("insert into category (code, family, name_zh, name_en, rules) values (?, 'EVENT', '时限演练', "
                + "'Deadline drill', ?) on conflict do nothing", code, rules);
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
        return s;
    }
}
