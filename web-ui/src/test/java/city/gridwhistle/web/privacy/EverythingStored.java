package city.gridwhistle.web.privacy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.ScrollResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Everything the application stores, as text an attacker holding a copy would search: a dump of every table of
 * PostgreSQL and every document of every Elasticsearch index.
 *
 * <p>The database is dumped with {@code COPY … TO STDOUT}, table by table, over every schema: Debian's
 * {@code pg_dump} (PostgreSQL 15) refuses the embedded server (17), and zonky unpacks only {@code initdb},
 * {@code pg_ctl} and {@code postgres}. {@code COPY} writes what {@code pg_dump} writes for the data, with
 * {@code bytea} as hex; so a value is looked for as text and as the hex of its UTF-8 bytes, and the event store's
 * payloads and metadata (JSON in {@code bytea}) are decoded and searched as text as well.
 */
final class EverythingStored {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final ElasticsearchClient elasticsearch;

    EverythingStored(DataSource dataSource, ElasticsearchClient elasticsearch) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.elasticsearch = elasticsearch;
    }

    /** Where the value occurs: a table, a decoded column of the event store, or an index's document. */
    List<String> placesHolding(String value) {
        List<String> places = new ArrayList<>();
        String hex = HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8));
        for (var table : tableDumps()) {
            String text = table.text();
            if (text.contains(value) || text.toLowerCase(Locale.ROOT).contains(hex)) {
                places.add("table " + table.name());
            }
        }
        for (String decoded : List.of("domain_event_entry", "snapshot_event_entry")) {
            Long found = jdbc.queryForObject("select count(*) from " + decoded + " where convert_from(payload, 'UTF8')"
                    + " like ? or convert_from(meta_data, 'UTF8') like ?", Long.class, like(value), like(value));
            if (found != null && found > 0) {
                places.add(decoded + " (payload or metadata as text)");
            }
        }
        documents().stream().filter(document -> document.contains(value)).findFirst()
                .ifPresent(document -> places.add("index document " + document));
        return places;
    }

    private static String like(String value) {
        return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private record TableDump(String name, String text) {
    }

    /** Every table of every schema but PostgreSQL's own, as {@code COPY} writes it. */
    private List<TableDump> tableDumps() {
        List<String> tables = jdbc.queryForList("""
                select format('%I.%I', table_schema, table_name) from information_schema.tables
                 where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
                 order by 1""", String.class);
        try (Connection connection = dataSource.getConnection()) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            List<TableDump> dumps = new ArrayList<>();
            for (String table : tables) {
                StringWriter out = new StringWriter();
                copy.copyOut("copy " + table + " to stdout", out);
                dumps.add(new TableDump(table, out.toString()));
            }
            return dumps;
        } catch (SQLException e) {
            throw new IllegalStateException("dumping the database failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of every index, as its {@code _source} in JSON, read with a scroll over {@code match_all}. */
    List<String> documents() {
        try {
            elasticsearch.indices().refresh(r -> r.index("*"));
            List<String> documents = new ArrayList<>();
            SearchResponse<JsonData> first = elasticsearch.search(s -> s.index("*").size(1_000)
                    .query(q -> q.matchAll(m -> m)).scroll(t -> t.time("1m")), JsonData.class);
            String scrollId = first.scrollId();
            List<Hit<JsonData>> hits = first.hits().hits();
            while (!hits.isEmpty()) {
                hits.forEach(hit -> documents.add(hit.index() + "/" + hit.id() + " " + hit.source().toJson()));
                String id = scrollId;
                ScrollResponse<JsonData> next = elasticsearch.scroll(s -> s.scrollId(id).scroll(t -> t.time("1m")),
                        JsonData.class);
                scrollId = next.scrollId();
                hits = next.hits().hits();
            }
            String last = scrollId;
            elasticsearch.clearScroll(c -> c.scrollId(last));
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
