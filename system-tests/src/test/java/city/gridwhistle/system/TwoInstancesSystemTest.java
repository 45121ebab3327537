package city.gridwhistle.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two application instances on one PostgreSQL and one Elasticsearch, under a steady stream of reports: either
 * takes any request, they split the processors' segments, the survivor takes every segment over when the other is
 * killed, each deadline fires once, every case reaches the index at its latest event, and exactly one instance at a
 * time closes the audit checkpoints.
 */
class TwoInstancesSystemTest {

    private static final Logger log = LoggerFactory.getLogger(TwoInstancesSystemTest.class);
    private static final String DATABASE = "two_instances";
    private static final String DRILL = "T9921";
    private static final int DRILL_SECONDS = 12;
    /** Short, so that both instances would close checkpoints many times during the test. */
    private static final List<String> SETTINGS = List.of("--gridwhistle.audit.checkpoint-interval=2s");

    private final List<AppInstance> instances = new ArrayList<>();

    @AfterEach
    void killInstances() {
        instances.forEach(AppInstance::kill);
    }

    @Test
    void twoInstancesShareTheWorkAndTheSurvivorTakesItOver() {
        int rounds = Integer.getInteger("system-tests.two-instances.rounds", 1);
        String url = SharedServers.freshDatabase(DATABASE);
        SharedServers.emptyElasticsearch();
        Http.useDatabase(DATABASE);
        Store store = new Store(url);
        String es = SharedServers.elasticsearch().httpUri().toString();

        AppInstance a = instance(AppInstance.of("two-a", url, es, SETTINGS)).start();
        await("the demo city").atMost(Duration.ofMinutes(2)).until(store::demoCityLoaded);
        store.drillCategory(DRILL, DRILL_SECONDS);
        // the second instance logs as production would ship it (decision 0019), and each request it answers
        AppInstance b = instance(AppInstance.of("two-b", url, es, withJsonLogs(SETTINGS))).start();
        itsLogLinesAreJsonWithTheRequestId(b);

        Set<String> acknowledged = new HashSet<>();
        for (int round = 1; round <= rounds; round++) {
            AppInstance[] pair = {a, b};
            try (ReportLoad load = new ReportLoad(n -> pair[n % 2].http(), DRILL, 4, Duration.ofMinutes(5)).start()) {
                await("both instances hold segments of case-search and points-policy").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> distinctOwners(store, "case-search") == 2
                                && distinctOwners(store, "points-policy") == 2);
                log.info("round {}: segments split: {}", round, Checks.segmentOwners(store, "case-search"));

                anyInstanceAnswersForAnyCase(load, a, b);
                AppInstance.sleep(Duration.ofSeconds(3));

                a.kill();
                String survivor = owner(b);
                await("the survivor claims every segment of every processor").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> Checks.processors(store).stream().allMatch(p ->
                                Checks.segmentOwners(store, p).values().stream().allMatch(survivor::equals)));
                log.info("round {}: {} took over every segment", round, b.name());
                AppInstance.sleep(Duration.ofSeconds(3));
                load.close();
                acknowledged.addAll(load.acknowledged());
                log.info("round {}: {} reports acknowledged, outcomes {}", round, load.acknowledgedCount(),
                        load.outcomes());
                assertThat(load.acknowledgedCount()).as("reports answered 201").isGreaterThan(20);
            }
            if (round < rounds) {
                a.start();
                AppInstance swap = a;
                a = b;
                b = swap;
            }
        }

        Checks.everyAcknowledgedCaseIsStoredWhole(store, acknowledged);
        Checks.everyCaseIsSearchableAtItsLatestEvent(store, new Http(es), Duration.ofSeconds(90));
        Checks.everyDeadlineFiredOnce(store, Duration.ofSeconds(90));
        Checks.everyReporterIsNotifiedOnceOfEachStep(store, Duration.ofSeconds(60));
        Checks.checkpointsFollowOneAnother(store);
        assertThat(store.count("select count(*) from audit_checkpoint")).as("checkpoints closed").isPositive();
        Http.Response verification = b.http().get("/api/admin/audit/verification", "admin");
        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.body().path("firstCheckpointProblem").isNull()
                || verification.body().path("firstCheckpointProblem").isMissingNode())
                .as("checkpoint verification: %s", verification.body().path("firstCheckpointProblem")).isTrue();
        assertThat(verification.body().path("intact").asBoolean()).as("audit verification").isTrue();
    }

    private static List<String> withJsonLogs(List<String> settings) {
        List<String> all = new ArrayList<>(settings);
        all.add("--spring.profiles.active=json-logs");
        all.add("--logging.level.org.springframework.web.servlet.DispatcherServlet=DEBUG");
        return all;
    }

    /**
     * Every line the application writes is one JSON object (ECS) with the service's name, nothing else (no
     * banner), and a line written while answering a request carries that request's X-Request-Id as
     * {@code requestId}.
     */
    private static void itsLogLinesAreJsonWithTheRequestId(AppInstance instance) {
        String requestId = "json-log-check-" + UUID.randomUUID();
        HttpRequest request = HttpRequest.newBuilder(URI.create(instance.http().base() + "/open311/v2/services.json"))
                .header("X-Request-Id", requestId).build();
        try {
            assertThat(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode())
                    .isEqualTo(200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        ObjectMapper json = new ObjectMapper();
        await("a log line of request " + requestId).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : Files.readAllLines(instance.logFile())) {
                // the test's own start marker, and what the JVM itself prints about native access
                if (!line.isBlank() && !line.startsWith("=== start") && !line.startsWith("WARNING:")) {
                    lines.add(json.readTree(line));
                }
            }
            assertThat(lines).as("log lines").hasSizeGreaterThan(5).allSatisfy(line -> {
                assertThat(field(line, "@timestamp")).as("%s", line).isNotBlank();
                assertThat(field(line, "log.level")).as("%s", line).isNotBlank();
                assertThat(field(line, "service.name")).as("%s", line).isEqualTo("gridwhistle");
            });
            assertThat(lines).as("lines of request %s", requestId)
                    .anySatisfy(line -> assertThat(field(line, "requestId")).isEqualTo(requestId));
        });
    }

    /** An ECS field, written flat ({@code "log.level"}) or nested ({@code "log":{"level"}}). */
    private static String field(JsonNode line, String name) {
        if (line.has(name)) {
            return line.get(name).asText();
        }
        JsonNode node = line;
        for (String part : name.split("\\.")) {
            node = node.path(part);
        }
        return node.asText();
    }

    /** A case filed on one instance is read on the other (through the shared index). */
    private static void anyInstanceAnswersForAnyCase(ReportLoad load, AppInstance a, AppInstance b) {
        await().atMost(Duration.ofSeconds(30)).until(() -> load.acknowledgedCount() >= 4);
        List<String> sample = load.acknowledged().stream().limit(4).toList();
        for (String caseId : sample) {
            for (AppInstance reader : List.of(a, b)) {
                await("case " + caseId + " on " + reader.name()).atMost(Duration.ofSeconds(30))
                        .until(() -> reader.http().get("/api/cases/" + caseId, "supervisor").status() == 200);
            }
        }
    }

    private static long distinctOwners(Store store, String processor) {
        Map<Integer, String> owners = Checks.segmentOwners(store, processor);
        return owners.values().stream().filter(o -> o != null).distinct().count();
    }

    /** Axon names a token's owner after the JVM: {@code <pid>@<host>}. */
    private static String owner(AppInstance instance) {
        return instance.pid() + "@" + hostName();
    }

    private static String hostName() {
        String jvm = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
        return jvm.substring(jvm.indexOf('@') + 1);
    }

    private AppInstance instance(AppInstance instance) {
        instances.add(instance);
        return instance;
    }
}
