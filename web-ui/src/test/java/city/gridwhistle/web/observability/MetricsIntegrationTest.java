package city.gridwhistle.web.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * What an operator scrapes from {@code /actuator/prometheus} (administrators only): commands, events, processor
 * lag, deadlines pending and fired, Elasticsearch request latency, HTTP, and whether the database is known down;
 * the meters exist and move when a report is filed.
 */
@IntegrationTest
class MetricsIntegrationTest {

    @Autowired
    private TestRestTemplate server;
    private Api api;
    private volatile String last;

    @BeforeEach
    void setUp() {
        api = new Api(server);
    }

    @Test
    void filingAReportMovesTheCommandEventHttpAndElasticsearchMeters() throws Exception {
        String before = scrape();

        String caseId = api.fileCase("C0203", new double[] {30.61099, 104.12752}, "粮丰社区06网格护栏断裂", "r017");
        api.awaitStatus(caseId, "DISPATCHED");

        try {
            await().atMost(Api.READ_MODEL_WITHIN).pollInterval(Duration.ofMillis(500)).until(() -> {
            last = scrape();
            return sum(last, "gridwhistle_elasticsearch_requests_seconds_count", "operation=\"bulk\"")
                    > sum(before, "gridwhistle_elasticsearch_requests_seconds_count", "operation=\"bulk\"")
                    && sum(last, "gridwhistle_deadlines_pending_tasks", "task=\"AxonDeadline\"") >= 1;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("meters did not move: " + last.lines()
                    .filter(l -> l.startsWith("gridwhistle_") && !l.contains("_bucket")).toList(), e);
        }
        String after = last;
        assertThat(sum(after, "http_server_requests_seconds_count", "uri=\"/api/reports\"", "status=\"201\""))
                .isGreaterThan(sum(before, "http_server_requests_seconds_count", "uri=\"/api/reports\"",
                        "status=\"201\""));
        assertThat(sum(after, "commandBus_successCounter_total", "FileReportCommand"))
                .isGreaterThan(sum(before, "commandBus_successCounter_total", "FileReportCommand"));
        assertThat(sum(after, "eventStore_ingestedCounter_total"))
                .isGreaterThan(sum(before, "eventStore_ingestedCounter_total"));
        assertThat(sum(after, "eventProcessor_successCounter_total", "processorName=\"case-search\""))
                .isGreaterThan(sum(before, "eventProcessor_successCounter_total", "processorName=\"case-search\""));
        assertThat(after).contains("gridwhistle_processor_lag_events{processor=\"case-search\"}",
                "commandBus_failureCounter_total{payloadType=\"FileReportCommand\"}",
                "eventProcessor_latency{processorName=\"case-search\"}",
                "dbscheduler_task_completions_total{result=\"ok\",task=\"AxonDeadline\"}",
                "gridwhistle_deadlines_late_tasks{task=\"AxonDeadline\"}",
                "http_server_requests_seconds_bucket");
        assertThat(sum(after, "gridwhistle_database_down")).isZero();
        // Axon's capacity gauge keeps a minute of events in memory: a catch-up filled the heap with it (0028)
        assertThat(after).doesNotContain("eventProcessor_capacity");
        // Axon's "all" timers repeat the success and failure ones: counted, without their six quantiles each
        assertThat(sum(after, "commandBus_allTimer_seconds_count", "FileReportCommand")).isPositive();
        assertThat(after.lines().filter(line -> line.contains("allTimer") && line.contains("quantile="))).isEmpty();
        assertThat(after.lines().filter(line -> line.startsWith("commandBus_successTimer_seconds{")
                && line.contains("FileReportCommand") && line.contains("quantile=\"0.99\""))).hasSize(1);
    }

    @Test
    void everyAnswerCarriesARequestIdAndKeepsTheCallersOwn() {
        var headers = new org.springframework.http.HttpHeaders();
        headers.set("X-Request-Id", "gateway-42.a");
        var answer = api.as("r017").exchange("/api/cases", org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(headers), String.class);
        assertThat(answer.getHeaders().getFirst("X-Request-Id")).isEqualTo("gateway-42.a");

        headers.set("X-Request-Id", "not a token\t{}");
        answer = api.as("r017").exchange("/api/cases", org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(headers), String.class);
        String made = answer.getHeaders().getFirst("X-Request-Id");
        assertThat(made).matches("[0-9a-f-]{36}");
        assertThat(java.util.UUID.fromString(made).version()).as("a random UUID").isEqualTo(4);
        assertThat(java.util.UUID.fromString(made).variant()).isEqualTo(2);
    }

    private String scrape() {
        return api.as("admin").getForObject("/actuator/prometheus", String.class);
    }

    /** The sum of a meter's samples whose line holds every fragment (labels, or part of one). */
    private static double sum(String scrape, String meter, String... fragments) {
        return scrape.lines()
                .filter(line -> line.startsWith(meter + "{") || line.startsWith(meter + " "))
                .filter(line -> Arrays.stream(fragments).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
