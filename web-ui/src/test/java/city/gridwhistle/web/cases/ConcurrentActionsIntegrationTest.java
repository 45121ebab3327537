package city.gridwhistle.web.cases;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Workers and supervisors act on the same case at the same moment, each over HTTP from a thread of their own. Of
 * conflicting transitions exactly one wins; every loser is told 409 with the state the winner left, and the event
 * stream shows one winner and no gap or lost write. In 粮丰社区06网格 (W003 and W004 on duty), where no other test
 * files.
 */
@IntegrationTest
class ConcurrentActionsIntegrationTest {

    private static final double[] LIANGFENG_06 = {30.61099, 104.12752};
    private static final String SUPERVISOR = "jinjiang";
    private static final int EACH = 6;

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private JdbcTemplate jdbc;
    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
    }

    @Test
    void ofAcceptsAndVoidsRacingOnADispatchedCaseExactlyOneWins() throws Exception {
        ResponseEntity<JsonNode> filed = api.file("C0201", LIANGFENG_06, "粮丰社区06网格红绿灯不亮", "r009");
        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseId = filed.getBody().path("caseId").asText();
        String assignee = filed.getBody().path("workerId").asText().toLowerCase();
        List<Callable<ResponseEntity<JsonNode>>> racers = new ArrayList<>();
        for (int i = 0; i < EACH; i++) {
            racers.add(() -> api.act(caseId, "accept", assignee, Map.of()));
            racers.add(() -> api.act(caseId, "void", SUPERVISOR, Map.of("reason", "重复上报")));
        }

        List<ResponseEntity<JsonNode>> answers = race(racers);

        List<String> events = eventTypes(caseId);
        boolean accepted = events.contains("CaseAcceptedEvent");
        assertThat(accepted).as("one winner: %s", events).isNotEqualTo(events.contains("CaseVoidedEvent"));
        assertThat(events.stream().filter(t -> t.equals("CaseAcceptedEvent") || t.equals("CaseVoidedEvent")))
                .hasSize(1);
        assertOneWinner(answers, accepted ? "IN_PROGRESS" : "VOIDED");
        api.awaitStatus(caseId, accepted ? "IN_PROGRESS" : "VOIDED");
    }

    @Test
    void concurrentNotesAreAllRecordedAndOfConcurrentVerificationsOneWins() throws Exception {
        ResponseEntity<JsonNode> filed = api.file("C0202", LIANGFENG_06, "粮丰社区06网格交通标志倾倒", "r011");
        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseId = filed.getBody().path("caseId").asText();
        String assignee = filed.getBody().path("workerId").asText().toLowerCase();
        String otherWorker = assignee.equals("w003") ? "w004" : "w003";
        api.done(caseId, "accept", assignee, Map.of());

        // notes commute: every one of them is recorded, none overwrites another
        List<Callable<ResponseEntity<JsonNode>>> notes = new ArrayList<>();
        IntStream.range(0, EACH).forEach(i -> {
            notes.add(() -> api.act(caseId, "notes", assignee, Map.of("note", "现场进展 " + i)));
            notes.add(() -> api.act(caseId, "notes", SUPERVISOR, Map.of("note", "督办意见 " + i)));
        });
        assertThat(race(notes)).allSatisfy(r -> assertThat(r.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT));
        assertThat(eventTypes(caseId).stream().filter("CaseProgressNotedEvent"::equals)).hasSize(2 * EACH);

        // decided on the same version: one wins, the others are told the case moved on (412)
        long version = lastSequence(caseId);
        List<Callable<ResponseEntity<JsonNode>>> conditional = new ArrayList<>();
        IntStream.range(0, EACH).forEach(i -> conditional.add(
                () -> actIfMatch(caseId, "notes", i % 2 == 0 ? assignee : SUPERVISOR, version, "同一版本 " + i)));
        List<ResponseEntity<JsonNode>> conditionalAnswers = race(conditional);
        assertThat(conditionalAnswers.stream().filter(r -> r.getStatusCode() == HttpStatus.NO_CONTENT)).hasSize(1);
        assertThat(conditionalAnswers.stream().filter(r -> r.getStatusCode() == HttpStatus.PRECONDITION_FAILED))
                .hasSize(EACH - 1);
        assertThat(lastSequence(caseId)).isEqualTo(version + 1);

        String photo = api.uploadPhoto(Api.PNG, assignee);
        api.done(caseId, "resolve", assignee, Map.of("note", "已更换", "photos", List.of(photo)));

        // finder, another worker of the cell and a supervisor verify at once: one decision, never two
        List<Callable<ResponseEntity<JsonNode>>> verifiers = new ArrayList<>();
        for (int i = 0; i < EACH / 2; i++) {
            verifiers.add(() -> api.act(caseId, "verify", "r011", Map.of("fixed", true)));
            verifiers.add(() -> api.act(caseId, "verify", otherWorker, Map.of("fixed", false, "note", "仍未修好")));
            verifiers.add(() -> api.act(caseId, "verify", SUPERVISOR, Map.of("fixed", true)));
        }
        List<ResponseEntity<JsonNode>> verdicts = race(verifiers);
        List<String> events = eventTypes(caseId);
        long decisions = events.stream()
                .filter(t -> t.equals("CaseVerifiedEvent") || t.equals("CaseVerificationFailedEvent")).count();
        assertThat(decisions).as("%s", events).isEqualTo(1);
        assertOneWinner(verdicts, events.contains("CaseVerifiedEvent") ? "CLOSED" : "REWORK");
    }

    /** Starts every call at once, each on a thread of its own, and collects the answers. */
    private static List<ResponseEntity<JsonNode>> race(List<Callable<ResponseEntity<JsonNode>>> calls)
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch ready = new CountDownLatch(calls.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ResponseEntity<JsonNode>>> futures = new ArrayList<>();
            for (Callable<ResponseEntity<JsonNode>> call : calls) {
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            List<ResponseEntity<JsonNode>> answers = new ArrayList<>();
            for (Future<ResponseEntity<JsonNode>> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    private static void assertOneWinner(List<ResponseEntity<JsonNode>> answers, String stateTheWinnerLeft) {
        assertThat(answers.stream().filter(r -> r.getStatusCode() == HttpStatus.NO_CONTENT)).hasSize(1);
        assertThat(answers.stream().filter(r -> r.getStatusCode() != HttpStatus.NO_CONTENT)).allSatisfy(loser -> {
            assertThat(loser.getStatusCode()).as("%s", loser.getBody()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(loser.getBody().path("type").asText()).isEqualTo("/problems/illegal-transition");
            assertThat(loser.getBody().path("currentStatus").asText()).isEqualTo(stateTheWinnerLeft);
            assertThat(loser.getBody().path("allowedActions").isArray()).isTrue();
        });
    }

    private ResponseEntity<JsonNode> actIfMatch(String caseId, String action, String username, long version,
                                                String note) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setIfMatch("\"" + version + "\"");
        Map<String, Object> body = new HashMap<>(Map.of("note", note));
        return api.as(username).exchange("/api/cases/" + caseId + "/" + action, HttpMethod.POST,
                new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** The case's events in order, after checking that their sequence numbers run 0, 1, 2, … without a gap. */
    private List<String> eventTypes(String caseId) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select sequence_number, payload_type from domain_event_entry
                 where aggregate_identifier = ? order by sequence_number""", caseId);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(((Number) rows.get(i).get("sequence_number")).longValue()).as("sequence of event %d", i)
                    .isEqualTo(i);
        }
        return rows.stream().map(r -> (String) r.get("payload_type"))
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    private long lastSequence(String caseId) {
        return jdbc.queryForObject("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?",
                Long.class, caseId);
    }
}
