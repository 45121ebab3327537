package city.gridwhistle.web.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Who is on duty decides routing: off duty, cases of the cell wait for a supervisor; back on duty, they flow. */
@IntegrationTest
class DutyIntegrationTest {

    /** Inside 团结社区01网格, where W013 is the only worker. */
    private static final double[] TUANJIE_01 = {30.879523, 104.248432};

    @Autowired
    private TestRestTemplate http;

    @Test
    void aWorkerOffDutyGetsNoNewCasesAndBackOnDutyGetsThemAgain() {
        Api api = new Api(http);
        // another worker may not change W013's duty: to them there is no such worker
        assertThat(duty("W013", "off-duty", "w014").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(duty("W013", "off-duty", "w013").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        String queued = api.fileCase("E0503", TUANJIE_01, "团结社区占道经营", "R040");
        api.awaitCase(queued, c -> c.path("awaitingSupervisor").asBoolean());
        // the supervisors' queue is a search: it shows the case once the index has refreshed
        await().atMost(Api.READ_MODEL_WITHIN).untilAsserted(() -> assertThat(
                api.get("/api/cases?awaitingSupervisor=true&cell=51011300100101").path("cases").findValuesAsText("caseId"))
                .contains(queued));

        assertThat(duty("W013", "on-duty", "supervisor").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        String dispatched = api.fileCase("E0502", TUANJIE_01, "团结社区违规停车堵路", "R040");

        assertThat(api.awaitStatus(dispatched, "DISPATCHED").path("workerId").asText()).isEqualTo("W013");
    }

    private ResponseEntity<String> duty(String worker, String change, String username) {
        return new Api(http).as(username).postForEntity("/api/workers/" + worker + "/" + change, null, String.class);
    }
}
