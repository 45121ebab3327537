package city.gridwhistle.web.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.gridwhistle.Api;
import city.gridwhistle.DemoCity;
import city.gridwhistle.GridWhistleApplication;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deadlines fire for real: a drill category with limits of seconds warns at 80 % and escalates (督办) at 100 %,
 * once; and a deadline scheduled before a restart fires after it, once.
 */
class DeadlinesIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aShortAcceptLimitWarnsThenEscalatesOnceAndSurvivesARestart() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of(System.getProperty("gridwhistle.data-dir")).getParent(),
                "deadlines-");
        String quick;
        String afterRestart;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            drill(jdbc, "T9901", 4);
            drill(jdbc, "T9902", 25);
            int port = port(first);

            quick = file(port, "T9901", DemoCity.SHUFANG_05);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> events(jdbc, quick, "CaseEscalatedEvent") == 1);
            assertThat(events(jdbc, quick, "CaseStepDeadlineWarnedEvent")).isEqualTo(1);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> events(jdbc, quick, "CaseEscalatedEvent") == 1);

            afterRestart = file(port, "T9902", DemoCity.LIANGFENG_02);
            assertThat(events(jdbc, afterRestart, "CaseEscalatedEvent")).isZero();
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> events(jdbc, afterRestart, "CaseEscalatedEvent") == 1);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> events(jdbc, afterRestart, "CaseEscalatedEvent") == 1);
            assertThat(events(jdbc, quick, "CaseEscalatedEvent")).isEqualTo(1);
        }
    }

    /** A drill category: every step limited to the given seconds, so the deadline machinery runs in a test. */
    private static void drill(JdbcTemplate jdbc, String code, int seconds) throws Exception {
        Map<String, Object> limit = Map.of("amount", seconds, "unit", "SECONDS");
        String rules = JSON.writeValueAsString(Map.ofEntries(
                Map.entry("code", code), Map.entry("family", "EVENT"), Map.entry("majorCode", "99"),
                Map.entry("majorZh", "演练"), Map.entry("majorEn", "Drill"), Map.entry("minorCode", code.substring(3)),
                Map.entry("zh", "时限演练"), Map.entry("en", "Deadline drill"), Map.entry("urgency", "URGENT"),
                Map.entry("limits", Map.of("dispatch", limit, "accept", limit, "handle", limit, "verify", limit)),
                Map.entry("duplicateRadiusMeters", 1), Map.entry("registrationCondition", "演练"),
                Map.entry("closingCondition", "演练"), Map.entry("responsibleUnit", "指挥中心")));
        jdbc.update("insert into category (code, family, name_zh, name_en, rules) values (?, 'EVENT', ?, ?, ?)",
                code, "时限演练", "Deadline drill", rules);
    }

    private static int events(JdbcTemplate jdbc, String caseId, String type) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like ?", Integer.class, caseId, "%." + type);
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(GridWhistleApplication.class)
                .run("--server.port=0", "--gridwhistle.data-dir=" + dataDir, "--gridwhistle.demo.enabled=true");
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private String file(int port, String category, double[] where) {
        var api = new Api(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)));
        return api.fileCase(category, where, "时限演练：" + category, "r001");
    }
}
