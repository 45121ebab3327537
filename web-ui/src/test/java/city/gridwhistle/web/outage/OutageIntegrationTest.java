package city.gridwhistle.web.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridwhistle.Api;
import city.gridwhistle.DemoCity;
import city.gridwhistle.GridWhistleApplication;
import city.gridwhistle.infra.elasticsearch.EmbeddedElasticsearch;
import city.gridwhistle.infra.postgres.EmbeddedPostgresServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * PostgreSQL and Elasticsearch each stop for real under a running application, on servers of this test's own that
 * it can stop and start again on the same data directory and port (decision 0018). One application serves both
 * scenarios; each leaves both servers running.
 *
 * <p>PostgreSQL down: filing is refused at once with 503 and Retry-After, search and dashboards keep answering from
 * Elasticsearch for callers signed in recently, health names the database; when it is back, everything resumes
 * without a restart. Elasticsearch down: riders keep reporting, search answers 503, and when the node is back every
 * case filed meanwhile becomes searchable, once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutageIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(OutageIntegrationTest.class);

    private Path dataDir;
    private EmbeddedPostgresServer postgres;
    private EmbeddedElasticsearch elasticsearch;
    private ConfigurableApplicationContext app;
    private String root;
    private Api api;

    @BeforeAll
    void start() throws Exception {
        dataDir = Files.createTempDirectory(Path.of(System.getProperty("gridwhistle.data-dir")).getParent(), "outage-");
        elasticsearch = EmbeddedElasticsearch.start(dataDir.resolve("external-elasticsearch"));
        postgres = EmbeddedPostgresServer.start(dataDir.resolve("external-postgres"));
        assertThat(elasticsearch.awaitReady(Duration.ofSeconds(120))).isTrue();
        app = new SpringApplicationBuilder(GridWhistleApplication.class).run(
                "--server.port=0", "--gridwhistle.data-dir=" + dataDir, "--gridwhistle.demo.enabled=true",
                "--spring.elasticsearch.uris=" + elasticsearch.httpUri(),
                "--spring.datasource.url=" + postgres.jdbcUrl(), "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=",
                // both servers are external here, so the embedded run's self-made key does not apply
                "--gridwhistle.privacy.master-key=" + java.util.Base64.getEncoder().encodeToString(
                        java.security.SecureRandom.getSeed(32)));
        root = "http://localhost:" + app.getEnvironment().getRequiredProperty("local.server.port");
        api = new Api(new TestRestTemplate(new RestTemplateBuilder().rootUri(root)));
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (elasticsearch != null) {
            elasticsearch.close();
        }
    }

    /**
     * Every processor must come back by itself: one whose transaction began on a connection PostgreSQL had already
     * dropped once stayed stuck for good (AsynchronousCommit now rolls such a transaction back).
     */
    @Test
    void filingWaitsOutADatabaseOutageWhileSearchKeepsAnswering() {
        TestRestTemplate rider = client(api.token("r007"));
        TestRestTemplate worker = client(api.token("w001"));
        TestRestTemplate supervisor = client(api.token(Api.WATCHER));
        TestRestTemplate admin = client(api.token("admin"));
        // categories the other scenario does not file, so that nothing here joins a case there as a duplicate
        String before = api.fileCase("C0103", DemoCity.LIANGFENG_02, "停库前：粮丰社区电力井盖缺失", "r007");
        api.awaitCase(before, c -> c.path("status").asText().equals("DISPATCHED"));
        // the operator's monitoring has called recently: its token is known to be good through the outage. And all is
        // up before it: after the other scenario's search outage the processors may still be in their back-off
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1))
                .until(() -> admin.getForEntity("/actuator/health", JsonNode.class).getStatusCode(),
                        status -> status == HttpStatus.OK);
        int pgPort = postgres.port();
        Path pgData = postgres.dataDirectory();

        postgres.close();

        long started = System.nanoTime();
        assertUnavailable(rider.postForEntity("/api/reports", report("停库中：路灯不亮"), JsonNode.class),
                "database-unavailable");
        log.info("first filing during the outage answered after {} ms", millisSince(started));
        started = System.nanoTime();
        assertUnavailable(rider.postForEntity("/api/reports", report("停库中：再试一次"), JsonNode.class),
                "database-unavailable");
        log.info("a filing once the outage is known answered after {} ms", millisSince(started));
        assertUnavailable(worker.postForEntity("/api/cases/" + before + "/accept", null, JsonNode.class),
                "database-unavailable");
        assertUnavailable(client(null).postForEntity("/api/auth/token",
                Map.of("username", "r008", "password", "gridwhistle-demo"), JsonNode.class), "database-unavailable");

        JsonNode found = supervisor.getForObject("/api/cases?q=井盖", JsonNode.class);
        assertThat(found.path("cases").findValuesAsText("caseId")).as("%s", found).contains(before);
        assertThat(supervisor.getForEntity("/api/cases/" + before, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(rider.getForObject("/api/cases", JsonNode.class).path("cases").findValuesAsText("caseId"))
                .contains(before);
        ResponseEntity<JsonNode> figures = supervisor.getForEntity("/api/dashboards/performance", JsonNode.class);
        assertThat(figures.getStatusCode()).as("dashboard: %s", figures.getBody()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> health = admin.getForEntity("/actuator/health", JsonNode.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(health.getBody().path("components").path("db").path("status").asText()).isEqualTo("DOWN");
        assertThat(health.getBody().path("components").path("elasticsearch").path("status").asText()).isEqualTo("UP");

        postgres = EmbeddedPostgresServer.start(pgData, pgPort);

        ResponseEntity<JsonNode> filed = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> rider.postForEntity("/api/reports", report("恢复后：路灯不亮"), JsonNode.class),
                        r -> r.getStatusCode() == HttpStatus.CREATED);
        String refiled = filed.getBody().path("caseId").asText();
        // the projections come back from their retry back-off (up to a minute) once PostgreSQL is back
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> api.get("/api/cases/" + refiled).path("status").asText().equals("DISPATCHED"));
        api.done(before, "accept", "w001", Map.of());
        api.awaitStatus(before, "IN_PROGRESS");
        // every processor, each out of its own back-off (Axon's reaches a minute), before health is UP again
        JsonNode recovered = await().atMost(Duration.ofSeconds(150))
                .until(() -> admin.getForEntity("/actuator/health", JsonNode.class),
                        h -> h.getStatusCode() == HttpStatus.OK).getBody();
        assertThat(recovered.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(recovered.path("components").path("projections").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void reportsFiledDuringASearchOutageBecomeSearchableWhenElasticsearchReturns() {
        TestRestTemplate supervisor = client(api.token(Api.WATCHER));
        TestRestTemplate admin = client(api.token("admin"));
        String before = api.fileCase("C0101", DemoCity.LIANGFENG_02, "停电前：井盖缺失", "r001");
        api.awaitCase(before, c -> c.path("status").asText().equals("DISPATCHED"));
        int esPort = elasticsearch.httpPort();
        Path esHome = elasticsearch.home();

        elasticsearch.close();

        List<String> duringOutage = new ArrayList<>();
        duringOutage.add(api.fileCase("C0106", DemoCity.LIANGFENG_02, "停电中：路灯不亮", "r002"));
        duringOutage.add(api.fileCase("E0101", DemoCity.SHUFANG_05, "停电中：暴露垃圾", "r003"));
        duringOutage.add(api.fileCase("E0401", DemoCity.LIANGFENG_12, "停电中：路面塌陷", "r004"));
        assertUnavailable(supervisor.getForEntity("/api/cases?q=井盖", JsonNode.class), "search-unavailable");
        ResponseEntity<JsonNode> health = admin.getForEntity("/actuator/health", JsonNode.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(health.getBody().path("components").path("elasticsearch").path("status").asText())
                .isEqualTo("DOWN");
        assertThat(health.getBody().path("components").path("db").path("status").asText()).isEqualTo("UP");

        elasticsearch = EmbeddedElasticsearch.start(esHome, esPort);
        assertThat(elasticsearch.awaitReady(Duration.ofSeconds(120))).isTrue();

        for (String caseId : duringOutage) {
            // by id, a case the index lacks is read from its events (decision 0052): wait for the search itself
            JsonNode found = await().atMost(Duration.ofSeconds(150)).until(
                    () -> api.as(Api.WATCHER).getForEntity("/api/cases/" + caseId, JsonNode.class),
                    r -> r.getStatusCode().is2xxSuccessful() && r.getBody().path("cell").path("cellCode").isTextual()
                            && city.gridwhistle.IndexedCases.holds(caseId, r.getBody().path("version").asLong()))
                    .getBody();
            assertThat(found.path("caseId").asText()).isEqualTo(caseId);
        }
        JsonNode all = api.get("/api/cases?size=100");
        assertThat(all.path("cases").findValuesAsText("caseId")).containsOnlyOnce(duringOutage.toArray(String[]::new))
                .containsOnlyOnce(before);
    }

    /**
     * A client that does not retry: Apache HttpClient, which the default template uses, waits out a 503's
     * Retry-After and tries once more by itself, as a good client should, but the test wants the first answer.
     */
    private TestRestTemplate client(String token) {
        RestTemplateBuilder builder = new RestTemplateBuilder().rootUri(root)
                .requestFactory(JdkClientHttpRequestFactory.class);
        return new TestRestTemplate(token == null ? builder
                : builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }

    private static void assertUnavailable(ResponseEntity<JsonNode> response, String type) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).matches("[1-9][0-9]*");
        assertThat(response.getBody().path("type").asText()).isEqualTo("/problems/" + type);
        assertThat(response.getBody().toString()).doesNotContain("Exception", "SQL", "jdbc");
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }

    private static Map<String, Object> report(String description) {
        return Map.of("categoryCode", "C0105", "lat", DemoCity.LIANGFENG_02[0], "lon", DemoCity.LIANGFENG_02[1],
                "description", description);
    }
}
