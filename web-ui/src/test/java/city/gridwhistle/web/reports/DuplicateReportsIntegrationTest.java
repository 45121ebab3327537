package city.gridwhistle.web.reports;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Duplicates merge, they don't multiply, even when riders report the same hazard at the same moment. */
@IntegrationTest
class DuplicateReportsIntegrationTest {

    /** Inside 团结社区02网格 (青白江区), used by no other test. */
    private static final double[] FALLEN_TREE = {30.879523, 104.249482};
    /** Inside 团结社区07网格. */
    private static final double[] POTHOLE = {30.88044, 104.250528};

    @Autowired
    private TestRestTemplate http;

    @Test
    void eightRidersReportingTheSameFallenTreeAtOnceEndInOneCase() throws Exception {
        int riders = 8;
        ExecutorService pool = Executors.newFixedThreadPool(riders);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<JsonNode>>> filed = new ArrayList<>();
        Api api = new Api(http);
        for (int i = 0; i < riders; i++) {
            // each stands a few metres from the others, all within the category's 50 m
            double[] where = {FALLEN_TREE[0] + i * 0.00002, FALLEN_TREE[1] + i * 0.00002};
            String rider = "R%03d".formatted(20 + i);
            filed.add(pool.submit(() -> {
                start.await();
                return api.file("E0404", where, "大树倒伏压住非机动车道", rider);
            }));
        }
        start.countDown();

        Set<String> caseIds = new TreeSet<>();
        int attached = 0;
        for (Future<ResponseEntity<JsonNode>> response : filed) {
            assertThat(response.get().getStatusCode()).isEqualTo(HttpStatus.CREATED);
            caseIds.add(response.get().getBody().path("caseId").asText());
            attached += response.get().getBody().path("attached").asBoolean() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(caseIds).hasSize(1);
        assertThat(attached).isEqualTo(riders - 1);
        JsonNode theCase = api.awaitCase(caseIds.iterator().next(), c -> c.path("reportCount").asInt() == riders);
        assertThat(theCase.path("followerCount").asInt()).isEqualTo(riders);
        assertThat(theCase.path("priority").asInt()).isGreaterThan(2);
    }

    @Test
    void riderSeesNearbyOpenCasesToFollowInsteadOfReportingAgain() {
        Api api = new Api(http);
        double[] pothole = POTHOLE;
        String caseId = api.fileCase("E0402", pothole, "路面坑洼积水", "R030");

        JsonNode nearby = await(() -> api.get("/api/reports/nearby?lat=" + (pothole[0] + 0.0001) + "&lon=" + pothole[1]
                + "&category=E0402&radius=100"), n -> n.path("cases").size() > 0);

        JsonNode first = nearby.path("cases").get(0);
        assertThat(first.path("view").path("caseId").asText()).isEqualTo(caseId);
        assertThat(first.path("distanceMeters").asInt()).isBetween(5, 20);
        api.done(caseId, "follow", "r031", java.util.Map.of());
        api.awaitCase(caseId, c -> c.path("followerCount").asInt() == 2);
    }

    private static JsonNode await(java.util.concurrent.Callable<JsonNode> call, java.util.function.Predicate<JsonNode> until) {
        return org.awaitility.Awaitility.await().atMost(Api.READ_MODEL_WITHIN).until(call, until);
    }
}
