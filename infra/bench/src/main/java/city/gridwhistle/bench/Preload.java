package city.gridwhistle.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bulk path to a large store: a few hundred real cases are filed over HTTP, then their event streams are
 * copied straight into the event table under new case ids, with every instant in them moved to a random moment of
 * the last year (so dashboards by month have a year to count), in batched transactions. The live projections then
 * catch up (timed) and S3 rebuilds the index from the same events.
 *
 * What the copies lack, by design: they carry no hash chain (the audit verifier would name them), no deadline is
 * scheduled for them, and the command-side lookup tables (open cases, worker load) do not know them: they are
 * history for the read side to hold, not work in progress.
 */
final class Preload {

    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    private static final Pattern CHAIN = Pattern.compile(",?\"gw\\.(hash|prevHash)\":\"[^\"]*\"");
    private static final int TEMPLATES = 300;

    private record Row(String aggregate, long sequence, String type, String timeStamp, String payloadType,
                       String payloadRevision, String payload, String metaData) {
    }

    private final RawLimits raw;
    private final Supplier<String> fileOne;
    private final long cases;

    Preload(RawLimits raw, Supplier<String> fileOne, long cases, BenchCity city) {
        this.raw = raw;
        this.fileOne = fileOne;
        this.cases = cases;
    }

    void run(Bench bench) throws Exception {
        List<String> templateIds = new ArrayList<>();
        for (int i = 0; i < TEMPLATES; i++) {
            String id = fileOne.get();
            if (id != null && !id.isEmpty()) {
                templateIds.add(id);
            }
        }
        bench.awaitProjectionsIdle();
        List<List<Row>> templates = new ArrayList<>();
        try (Connection c = raw.connect(); PreparedStatement read = c.prepareStatement("""
                select aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision,
                       payload, meta_data from domain_event_entry where aggregate_identifier = ? order by sequence_number""")) {
            for (String id : templateIds) {
                read.setString(1, id);
                List<Row> rows = new ArrayList<>();
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), new String(rs.getBytes(7), StandardCharsets.UTF_8),
                                rs.getBytes(8) == null ? null : new String(rs.getBytes(8), StandardCharsets.UTF_8)));
                    }
                }
                templates.add(rows);
            }
        }
        long eventsBefore = raw.eventCount();
        Random random = new Random(11);
        Instant now = Instant.now();
        long started = System.nanoTime();
        long events = 0;
        try (Connection c = raw.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                        time_stamp, payload_type, payload_revision, payload, meta_data)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                int inBatch = 0;
                for (long n = 0; n < cases; n++) {
                    List<Row> template = templates.get((int) (n % templates.size()));
                    String oldId = template.getFirst().aggregate();
                    String newId = UUID.randomUUID().toString();
                    Instant first = Instant.parse(template.getFirst().timeStamp());
                    Duration shift = Duration.between(first, now.minusSeconds(random.nextLong(365L * 24 * 3600)));
                    for (Row row : template) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, newId);
                        insert.setLong(3, row.sequence());
                        insert.setString(4, row.type());
                        insert.setString(5, Instant.parse(row.timeStamp()).plus(shift).toString());
                        insert.setString(6, row.payloadType());
                        insert.setString(7, row.payloadRevision());
                        insert.setBytes(8, shifted(row.payload().replace(oldId, newId), shift).getBytes(StandardCharsets.UTF_8));
                        insert.setBytes(9, row.metaData() == null ? null
                                : CHAIN.matcher(row.metaData()).replaceAll("").replace("{,", "{").getBytes(StandardCharsets.UTF_8));
                        insert.addBatch();
                        events++;
                        inBatch++;
                    }
                    if (inBatch >= 2000) {
                        insert.executeBatch();
                        c.commit();
                        inBatch = 0;
                    }
                    if (n > 0 && n % 100_000 == 0) {
                        Bench.log("preload: %,d cases, %,d events, %.0f events/s", n, events,
                                events / ((System.nanoTime() - started) / 1e9));
                    }
                }
                insert.executeBatch();
                c.commit();
            }
        }
        double insertSeconds = (System.nanoTime() - started) / 1e9;
        bench.put("P.cases", cases);
        bench.put("P.events", events);
        bench.put("P.insert.events.per.s", events / insertSeconds);
        Bench.log("preload: %,d cases as %,d events inserted in %.0f s; waiting for the projections", cases, events,
                insertSeconds);
        long catchUp = System.nanoTime();
        bench.awaitProjectionsIdle();
        double catchUpSeconds = (System.nanoTime() - catchUp) / 1e9 + insertSeconds;
        bench.put("P.catchup.events.per.s", (raw.eventCount() - eventsBefore) / catchUpSeconds);
        Bench.log("preload: live case-search projection caught up after %.0f s", catchUpSeconds);
        // the other processors too (rider notifications are the slowest): a catch-up still running would be
        // measured along with every figure after it
        bench.awaitEveryProcessorIdle();
        double allSeconds = (System.nanoTime() - catchUp) / 1e9 + insertSeconds;
        bench.put("P.catchup.all.seconds", allSeconds);
        Bench.log("preload: every processor caught up after %.0f s", allSeconds);
    }

    private static String shifted(String json, Duration shift) {
        Matcher m = INSTANT.matcher(json);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Instant.parse(m.group()).plus(shift).toString());
        }
        m.appendTail(out);
        return out.toString();
    }
}
