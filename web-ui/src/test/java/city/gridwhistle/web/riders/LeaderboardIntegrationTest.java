package city.gridwhistle.web.riders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridwhistle.Api;
import city.gridwhistle.DemoCity;
import city.gridwhistle.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * Riders who opt in appear on their own district's monthly leaderboard (R044 is registered in 崇州市, 510184) by
 * the name they chose; others never do.
 */
@IntegrationTest
class LeaderboardIntegrationTest {

    @Autowired
    private TestRestTemplate server;

    @Test
    void aRiderWhoOptedInAppearsWithTheirPointsAndOneWhoDidNotNever() {
        Api api = new Api(server);
        assertThat(api.as("r044").exchange("/api/riders/me/leaderboard-name", HttpMethod.PUT,
                new HttpEntity<>(Map.of("displayName", "书房社区老王")), Void.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        // r044 files, r043 corroborates without opting in; the case closes and both are paid
        String caseId = api.fileCase("E0104", DemoCity.SHUFANG_05, "书房社区违章搭建彩钢棚", "r044");
        api.fileCase("E0104", DemoCity.SHUFANG_05, "这里有违章搭建", "r043");
        api.awaitStatus(caseId, "DISPATCHED");
        api.done(caseId, "accept", "w010", Map.of());
        api.done(caseId, "resolve", "w010", Map.of("note", "已拆除", "photos", List.of(api.uploadPhoto(Api.PNG, "w010"))));
        api.done(caseId, "verify", "r044", Map.of("fixed", true));

        String month = YearMonth.from(LocalDate.now(ZoneId.of("Asia/Shanghai"))).toString();
        JsonNode board = await().atMost(Api.READ_MODEL_WITHIN).until(
                () -> api.as("r001").getForObject("/api/leaderboard?district=510184&month=" + month, JsonNode.class),
                b -> b.path("entries").findValuesAsText("displayName").contains("书房社区老王"));

        JsonNode entry = null;
        for (JsonNode e : board.path("entries")) {
            if (e.path("displayName").asText().equals("书房社区老王")) {
                entry = e;
            }
        }
        assertThat(entry.path("points").asInt()).isGreaterThanOrEqualTo(10);
        assertThat(entry.path("rank").asInt()).isPositive();
        assertThat(board.toString()).doesNotContain("R043", "R044", "骑手");
    }
}
