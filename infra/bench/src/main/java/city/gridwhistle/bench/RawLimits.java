package city.gridwhistle.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.HdrHistogram.Histogram;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * The raw limits of this machine's stores, measured in the same run as the system figures, against the very
 * PostgreSQL and Elasticsearch the application uses (while the application idles): L1 single-row insert
 * transactions into a copy of the event table, L2 sequential reads of the event table, L3 bulk indexing of real
 * case documents into an index with the real definition, L4 search and aggregation latency on that index.
 */
final class RawLimits implements AutoCloseable {

    static final String L1_TABLE = "bench_l1_event_copy";
    static final String L3_INDEX = "bench-l3-cases";

    private final String jdbcUrl;
    private final RestClient rest;
    final ElasticsearchClient es;
    private final Path indexDefinition;

    RawLimits(String jdbcUrl, URI elastic, Path indexDefinition) {
        this.jdbcUrl = jdbcUrl;
        this.rest = RestClient.builder(new HttpHost(elastic.getHost(), elastic.getPort(), elastic.getScheme())).build();
        this.es = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
        this.indexDefinition = indexDefinition;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl);
    }

    /** A real event's payload and metadata (the latest ReportFiledEvent), to give L1's rows their real size. */
    private byte[][] realEvent() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select payload, meta_data from domain_event_entry
                      where payload_type like '%ReportFiledEvent' order by global_index desc limit 1""")) {
            if (rs.next()) {
                return new byte[][] {rs.getBytes(1), rs.getBytes(2)};
            }
        }
        return new byte[][] {new byte[700], new byte[400]};
    }

    /**
     * L1: single-row insert transactions per second, {@code clients} connections in autocommit, into a copy of
     * the event table with the same columns, indexes and storage but a sequence of its own (the copy must never
     * draw from the real global-index sequence).
     */
    Load.Result l1(int clients, Duration warmUp, Duration measure) throws Exception {
        byte[][] event = realEvent();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("drop table if exists " + L1_TABLE);
            s.execute("create table " + L1_TABLE
                    + " (like domain_event_entry including constraints including indexes including storage)");
            s.execute("create sequence if not exists " + L1_TABLE + "_seq");
            s.execute("alter table " + L1_TABLE + " alter column global_index set default nextval('" + L1_TABLE + "_seq')");
        }
        List<Connection> connections = new ArrayList<>();
        ThreadLocal<PreparedStatement> statements = new ThreadLocal<>();
        try {
            Load.Result result = Load.closed(clients, warmUp, measure, () -> {
                try {
                    PreparedStatement insert = statements.get();
                    if (insert == null) {
                        Connection c = connect();
                        synchronized (connections) {
                            connections.add(c);
                        }
                        insert = c.prepareStatement("insert into " + L1_TABLE + " (event_identifier, aggregate_identifier,"
                                + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
                                + " values (?, ?, 0, 'CaseFile', ?, 'city.gridwhistle.api.intake.ReportFiledEvent', null, ?, ?)");
                        statements.set(insert);
                    }
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, UUID.randomUUID().toString());
                    insert.setString(3, java.time.Instant.now().toString());
                    insert.setBytes(4, event[0]);
                    insert.setBytes(5, event[1]);
                    insert.executeUpdate();
                    return true;
                } catch (SQLException e) {
                    return false;
                }
            });
            return result;
        } finally {
            for (Connection c : connections) {
                c.close();
            }
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("drop table if exists " + L1_TABLE);
                s.execute("drop sequence if exists " + L1_TABLE + "_seq");
            }
        }
    }

    record Rate(long count, double seconds) {
        double perSecond() {
            return count / seconds;
        }
    }

    /** L2: the whole event table read in global-index order, 1000 rows a query, every column fetched. */
    Rate l2() throws SQLException {
        long rows = 0;
        long started = System.nanoTime();
        try (Connection c = connect(); PreparedStatement read = c.prepareStatement("""
                select global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                       payload_type, payload_revision, payload, meta_data
                  from domain_event_entry where global_index > ? order by global_index limit 1000""")) {
            long after = -1;
            while (true) {
                read.setLong(1, after);
                int n = 0;
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getLong(1);
                        rs.getString(2);
                        rs.getString(3);
                        rs.getLong(4);
                        rs.getString(5);
                        rs.getString(6);
                        rs.getString(7);
                        rs.getString(8);
                        rs.getBytes(9);
                        rs.getBytes(10);
                        n++;
                    }
                }
                rows += n;
                if (n < 1000) {
                    break;
                }
            }
        }
        return new Rate(rows, (System.nanoTime() - started) / 1e9);
    }

    long eventCount() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Up to {@code max} real case documents from the live index. */
    List<Map<String, Object>> sampleDocuments(int max) throws IOException {
        @SuppressWarnings({"unchecked", "rawtypes"})
        var response = es.search(s -> s.index("cases").size(max).query(q -> q.matchAll(m -> m)), Map.class);
        List<Map<String, Object>> docs = new ArrayList<>();
        response.hits().hits().forEach(h -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> source = (Map<String, Object>) h.source();
            docs.add(source);
        });
        return docs;
    }

    /**
     * L3: {@code total} documents bulk-indexed, 1000 per request, into a fresh index made from the real definition
     * (the samples repeated under new ids), then refreshed. The index stays for L4.
     */
    Rate l3(List<Map<String, Object>> samples, int total) throws IOException {
        dropL3();
        try (var json = Files.newBufferedReader(indexDefinition)) {
            es.indices().create(c -> c.index(L3_INDEX).withJson(json));
        }
        long started = System.nanoTime();
        int done = 0;
        while (done < total) {
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            int n = Math.min(1000, total - done);
            for (int i = 0; i < n; i++) {
                Map<String, Object> doc = new java.util.HashMap<>(samples.get((done + i) % samples.size()));
                String id = UUID.randomUUID().toString();
                doc.put("caseId", id);
                bulk.operations(op -> op.index(x -> x.index(L3_INDEX).id(id).document(doc)));
            }
            BulkResponse response = es.bulk(bulk.build());
            if (response.errors()) {
                throw new IllegalStateException("L3 bulk failed: " + response.items().stream()
                        .filter(item -> item.error() != null).findFirst().map(item -> item.error().reason()).orElse("?"));
            }
            done += n;
        }
        es.indices().refresh(r -> r.index(L3_INDEX));
        return new Rate(done, (System.nanoTime() - started) / 1e9);
    }

    void dropL3() throws IOException {
        if (es.indices().exists(e -> e.index(L3_INDEX)).value()) {
            es.indices().delete(d -> d.index(L3_INDEX));
        }
    }

    /** L4: latency of one query body on the L3 index, idle, closed loop with one client. */
    Histogram l4(String index, String body, Duration measure) throws IOException {
        Histogram h = Load.histogram();
        for (int i = 0; i < 20; i++) {
            search(index, body);
        }
        long end = System.nanoTime() + measure.toNanos();
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            search(index, body);
            h.recordValue(System.nanoTime() - start);
        }
        return h;
    }

    private void search(String index, String body) throws IOException {
        es.search(s -> s.index(index).withJson(new StringReader(body)), JsonData.class);
    }

    static String randomPick(String... options) {
        return options[ThreadLocalRandom.current().nextInt(options.length)];
    }

    @Override
    public void close() throws IOException {
        rest.close();
    }
}
