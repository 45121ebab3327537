package city.gridwhistle.web.history;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.Api;
import city.gridwhistle.IntegrationTest;
import city.gridwhistle.web.pages.Pictures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An inquiry into a gas manhole cover: reported in 粮丰社区07网格 (锦江区), accepted, transferred to 书房社区02网格
 * (龙泉驿区), handled, found not fixed, reworked, verified and closed. Its history is read from the event store,
 * its state rebuilt as of each moment reads as the case did then, and every look at it is on file.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseHistoryScenarioTest {

    /** 燃气井盖 and 违章搭建: no other test reports them. */
    private static final String GAS_COVER = "C0104";
    private static final String ILLEGAL_STRUCTURE = "E0104";
    /** Inside 粮丰社区07网格 (锦江区), where only W004 is on duty. */
    private static final double[] LIANGFENG_07 = {30.610999, 104.128583};
    private static final String LIANGFENG_07_CELL = "51010400100107";
    /** 书房社区02网格 (龙泉驿区), where only W008 is on duty. */
    private static final String SHUFANG_02_CELL = "51011200100102";
    /** Inside 书房社区03网格 (龙泉驿区), where only W009 is on duty. */
    private static final double[] SHUFANG_03 = {30.5951, 104.263056};
    private static final Instant PHONE_CLOCK = Instant.parse("2026-01-05T01:02:03Z");

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private HistoryPdf pdf;
    @Autowired
    private ObjectMapper json;
    private Api api;

    private String caseId;
    /** The case as the search index showed it at each moment, in order. */
    private final Map<Instant, JsonNode> shownAt = new LinkedHashMap<>();
    private final List<Instant> moments = new ArrayList<>();

    @BeforeAll
    void aGasManholeCoverGoesRoundTheLoopAcrossATransferAndARework() {
        api = new Api(http);
        ResponseEntity<JsonNode> filed = api.as("r047").postForEntity("/api/reports", Map.of("categoryCode", GAS_COVER,
                "lat", LIANGFENG_07[0], "lon", LIANGFENG_07[1], "description", "燃气井盖松动，踩上去会翻",
                "deviceTime", PHONE_CLOCK.toString()), JsonNode.class);
        assertThat(filed.getStatusCode()).as("filing: %s", filed.getBody()).isEqualTo(HttpStatus.CREATED);
        caseId = filed.getBody().path("caseId").asText();
        remember(); // dispatched to W004 in 粮丰社区07网格

        api.done(caseId, "accept", "w004", Map.of());
        remember(); // in progress
        api.done(caseId, "transfer", "w004", Map.of("toCellCode", SHUFANG_02_CELL, "reason", "井盖在书房社区一侧"));
        remember(); // dispatched to W008 in 书房社区02网格
        api.done(caseId, "accept", "w008", Map.of());
        api.done(caseId, "start", "w008", Map.of());
        api.done(caseId, "resolve", "w008", Map.of("note", "已紧固井盖", "photos",
                List.of(api.uploadPhoto(Api.PNG, "w008"))));
        remember(); // resolved
        api.done(caseId, "verify", "r047", Map.of("fixed", false, "note", "还是会响"));
        remember(); // rework
        api.done(caseId, "resolve", "w008", Map.of("note", "更换井盖", "photos",
                List.of(api.uploadPhoto(Pictures.png(Color.PINK), "w008"))));
        api.done(caseId, "verify", "supervisor", Map.of("fixed", true, "note", "现场核查正常"));
        remember(); // closed
    }

    @Test
    void theCaseAsOfEachMomentReadsAsTheSearchIndexShowedItThen() {
        List<String> seen = new ArrayList<>();
        shownAt.forEach((moment, then) -> {
            JsonNode asOf = supervisorGets("/api/cases/" + caseId + "/as-of?at=" + moment).path("state");
            seen.add(asOf.path("status").asText() + "@" + asOf.path("cell").path("cellCode").asText() + "/"
                    + asOf.path("workerId").asText("-") + "/" + asOf.path("reworkCount").asInt());
            JsonNode expected = then.deepCopy();
            ((ObjectNode) expected).remove("reporterHandle");
            assertThat(asOf).as("as of %s", moment).isEqualTo(expected);
        });

        assertThat(seen).containsExactly(
                "DISPATCHED@" + LIANGFENG_07_CELL + "/W004/0",
                "IN_PROGRESS@" + LIANGFENG_07_CELL + "/W004/0",
                "DISPATCHED@" + SHUFANG_02_CELL + "/W008/0",
                "RESOLVED@" + SHUFANG_02_CELL + "/W008/0",
                "REWORK@" + SHUFANG_02_CELL + "/W008/1",
                "CLOSED@" + SHUFANG_02_CELL + "/W008/1");
    }

    @Test
    void beforeItWasReportedTheCaseDidNotExist() {
        Instant before = firstEventTime().minusMillis(1);

        assertThat(api.as("supervisor").getForEntity("/api/cases/" + caseId + "/as-of?at=" + before, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theDiffAcrossTheTransferNamesTheFieldsThatMoved() {
        JsonNode diff = supervisorGets("/api/cases/" + caseId + "/diff?from=" + moments.get(1) + "&to=" + moments.get(2));

        Map<String, JsonNode> changes = new HashMap<>();
        diff.path("changes").forEach(change -> changes.put(change.path("field").asText(), change));
        assertThat(changes).containsKeys("status", "cell.cellCode", "cell.districtCode", "workerId", "version")
                .doesNotContainKeys("categoryCode", "description", "reworkCount");
        assertThat(changes.get("cell.cellCode").path("before").asText()).isEqualTo(LIANGFENG_07_CELL);
        assertThat(changes.get("cell.cellCode").path("after").asText()).isEqualTo(SHUFANG_02_CELL);
        assertThat(changes.get("workerId").path("before").asText()).isEqualTo("W004");
        assertThat(changes.get("workerId").path("after").asText()).isEqualTo("W008");
        assertThat(changes.get("status").path("before").asText()).isEqualTo("IN_PROGRESS");

        JsonNode unchanged = supervisorGets("/api/cases/" + caseId + "/diff?from=" + moments.get(5) + "&to=" + Instant.now());
        assertThat(unchanged.path("changes").size()).isZero();
    }

    @Test
    void theHistoryHoldsEveryEventInOrderWithWhoWhenWhyAndBothLanguages() throws Exception {
        JsonNode history = supervisorGets("/api/cases/" + caseId + "/history");
        List<Map<String, Object>> stored = jdbc.queryForList("""
                select sequence_number, event_identifier, payload_type, meta_data from domain_event_entry
                 where aggregate_identifier = ? order by sequence_number""", caseId);

        JsonNode entries = history.path("entries");
        assertThat(entries.size()).isEqualTo(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            JsonNode entry = entries.get(i);
            Map<String, Object> row = stored.get(i);
            assertThat(entry.path("sequence").asLong()).isEqualTo(((Number) row.get("sequence_number")).longValue());
            assertThat(entry.path("eventId").asText()).isEqualTo(row.get("event_identifier"));
            assertThat((String) row.get("payload_type")).endsWith("." + entry.path("eventType").asText());
            assertThat(entry.path("descriptionZh").asText()).as("zh of %s", entry).containsPattern("\\p{IsHan}");
            assertThat(entry.path("descriptionEn").asText()).as("en of %s", entry).containsPattern("[A-Za-z]{4}");
            JsonNode metaData = json.readTree((byte[]) row.get("meta_data"));
            assertThat(entry.path("hash").asText(null)).isEqualTo(metaData.path("gw.hash").asText(null));
            assertThat(entry.path("correlationId").asText(null)).isEqualTo(metaData.path("correlationId").asText(null));
        }
        assertThat(types(entries)).containsSubsequence("ReportFiledEvent", "CaseRegisteredEvent",
                "CaseDispatchedEvent", "CaseAcceptedEvent", "CaseTransferredEvent", "CaseDispatchedEvent",
                "CaseAcceptedEvent", "CaseWorkStartedEvent", "CaseResolvedEvent", "CaseVerificationFailedEvent",
                "CaseResolvedEvent", "CaseVerifiedEvent", "CaseClosedEvent");

        JsonNode report = entries.get(0);
        assertThat(report.path("userId").asText()).isEqualTo("R047");
        assertThat(report.path("role").asText()).isEqualTo("RIDER");
        assertThat(report.has("username")).as("a rider's account name stays out").isFalse();
        assertThat(report.path("channel").asText()).isEqualTo("APP");
        assertThat(report.path("deviceTime").asText()).isEqualTo(PHONE_CLOCK.toString());
        assertThat(report.path("reason").asText()).isEqualTo("燃气井盖松动，踩上去会翻");
        assertThat(report.path("traceId").asText()).isNotBlank();

        JsonNode transfer = first(entries, "CaseTransferredEvent");
        assertThat(transfer.path("userId").asText()).isEqualTo("W004");
        assertThat(transfer.path("username").asText()).isEqualTo("w004");
        assertThat(transfer.path("role").asText()).isEqualTo("GRID_WORKER");
        assertThat(transfer.path("reason").asText()).isEqualTo("井盖在书房社区一侧");
        assertThat(transfer.path("descriptionZh").asText()).isEqualTo("由网格 " + LIANGFENG_07_CELL + " 转至书房社区02网格");
        assertThat(transfer.path("descriptionEn").asText()).isEqualTo("Transferred from cell " + LIANGFENG_07_CELL
                + " to 书房社区02网格");

        JsonNode rework = first(entries, "CaseVerificationFailedEvent");
        assertThat(rework.path("userId").asText()).isEqualTo("R047");
        assertThat(rework.path("descriptionEn").asText()).startsWith("Verification failed: rework no. 1");
        JsonNode verified = first(entries, "CaseVerifiedEvent");
        assertThat(verified.path("username").asText()).isEqualTo("supervisor");
        assertThat(verified.path("role").asText()).isEqualTo("SUPERVISOR");
        assertThat(first(entries, "CaseRegisteredEvent").path("descriptionZh").asText())
                .isEqualTo("立案于粮丰社区07网格（燃气井盖）");
        assertThat(history.toString()).as("R047's name and phone (demo riders.json)").doesNotContain("黎芳", "13800001047");
    }

    @Test
    void theCsvExportHasOneRowPerEventAndReadsInExcel() {
        ResponseEntity<byte[]> csv = api.as("supervisor").getForEntity("/api/cases/" + caseId + "/history.csv", byte[].class);

        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("case-" + caseId + "-history.csv");
        assertThat(csv.getBody()).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<List<String>> rows = Csv.parse(new String(csv.getBody(), StandardCharsets.UTF_8).substring(1));
        JsonNode entries = supervisorGets("/api/cases/" + caseId + "/history").path("entries");
        assertThat(rows).hasSize(1 + entries.size());
        for (int row = 1; row < rows.size(); row++) {
            assertThat(rows.get(row)).hasSameSizeAs(HistoryCsv.COLUMNS);
            assertThat(Csv.column(rows, row, "event_type")).isEqualTo(entries.get(row - 1).path("eventType").asText());
            assertThat(Csv.column(rows, row, "description_zh")).isEqualTo(entries.get(row - 1).path("descriptionZh").asText());
            assertThat(Csv.column(rows, row, "description_en")).isNotBlank();
        }
        int transfer = types(entries).indexOf("CaseTransferredEvent") + 1;
        assertThat(Csv.column(rows, transfer, "user_id")).isEqualTo("W004");
        assertThat(Csv.column(rows, transfer, "channel")).isEqualTo("APP");
        assertThat(Csv.column(rows, transfer, "reason")).isEqualTo("井盖在书房社区一侧");
        assertThat(Csv.column(rows, transfer, "correlation_id")).isNotBlank();
    }

    @Test
    void thePdfExportCarriesTheTimeline() throws Exception {
        ResponseEntity<byte[]> exported = api.as("admin").getForEntity("/api/cases/" + caseId + "/history.pdf", byte[].class);

        assertThat(exported.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(exported.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        assertThat(new String(exported.getBody(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        PdfReader reader = new PdfReader(exported.getBody());
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(page));
        }
        reader.close();
        assertThat(text).contains(caseId, "Transferred from cell", "Verification failed: rework no. 1", "A001");
        if (pdf.rendersChinese()) {
            assertThat(text).contains("转至书房社区02网格", "核查未通过");
        } else {
            assertThat(text).contains(HistoryPdf.CHINESE_OMITTED.substring(0, 30));
        }
    }

    @Test
    void everyLookAtAHistoryIsOnFileWithWhoAndHow() {
        String caseId = api.fileCase(ILLEGAL_STRUCTURE, SHUFANG_03, "书房社区路边私搭铁皮棚", "r048");
        TestRestTemplate supervisor = api.as("supervisor");
        String at = Instant.now().toString();

        assertThat(supervisor.getForEntity("/api/cases/" + caseId + "/history", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(supervisor.getForEntity("/api/cases/" + caseId + "/as-of?at=" + at, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(supervisor.getForEntity("/api/cases/" + caseId + "/diff?from=" + at + "&to=" + at, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(supervisor.getForEntity("/api/cases/" + caseId + "/history.json", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(supervisor.getForEntity("/api/cases/" + caseId + "/history.csv", byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(api.as("longquanyi").getForEntity("/api/cases/" + caseId + "/history.pdf", byte[].class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        // refused looks leave no trace: they saw nothing
        assertThat(api.as("jinjiang").getForEntity("/api/cases/" + caseId + "/history", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.as("r048").getForEntity("/api/cases/" + caseId + "/history", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        JsonNode log = api.as("admin").getForObject("/api/cases/" + caseId + "/history/accesses", JsonNode.class);

        List<String> accesses = new ArrayList<>();
        log.path("accesses").forEach(a -> accesses.add(a.path("viewerId").asText() + " " + a.path("role").asText()
                + " " + a.path("action").asText() + " " + a.path("channel").asText()));
        assertThat(accesses).containsExactly(
                "S001 SUPERVISOR VIEWED APP",
                "S001 SUPERVISOR AS_OF APP",
                "S001 SUPERVISOR DIFF APP",
                "S001 SUPERVISOR EXPORTED_JSON APP",
                "S001 SUPERVISOR EXPORTED_CSV APP",
                "S003 SUPERVISOR EXPORTED_PDF APP");
        assertThat(log.path("accesses").get(1).path("detail").asText()).isEqualTo("at=" + at);
        assertThat(log.path("accesses").get(5).path("unit").asText()).isEqualTo("510112");
        assertThat(log.path("accesses").get(0).path("at").asText()).isNotBlank();
        // the case's own stream is untouched by looking at it
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                + " and payload_type like '%HistoryAccessedEvent'", Long.class, caseId)).isZero();
    }

    @Test
    void ridersAndWorkersAreRefusedAndASupervisorOfAnotherDistrictFindsNothing() {
        for (String path : List.of("/history", "/history.csv", "/history.pdf", "/history.json", "/history/accesses",
                "/as-of?at=" + Instant.now(), "/diff?from=" + moments.get(0) + "&to=" + Instant.now())) {
            assertThat(api.as("r047").getForEntity("/api/cases/" + caseId + path, String.class).getStatusCode())
                    .as("rider: %s", path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.as("w008").getForEntity("/api/cases/" + caseId + path, String.class).getStatusCode())
                    .as("worker: %s", path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.as("jinjiang").getForEntity("/api/cases/" + caseId + path, String.class).getStatusCode())
                    .as("锦江区 supervisor, the case now lies in 龙泉驿区: %s", path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(api.as("longquanyi").getForEntity("/api/cases/" + caseId + path, String.class).getStatusCode())
                    .as("龙泉驿区 supervisor: %s", path).isEqualTo(HttpStatus.OK);
        }
        assertThat(api.as("supervisor").getForEntity("/api/cases/no-such-case/history", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void badInstantsAreNamedInTheProblem() {
        ResponseEntity<JsonNode> missing = api.as("supervisor").getForEntity("/api/cases/" + caseId + "/as-of", JsonNode.class);
        ResponseEntity<JsonNode> garbled = api.as("supervisor").getForEntity("/api/cases/" + caseId + "/as-of?at=yesterday",
                JsonNode.class);
        ResponseEntity<JsonNode> backwards = api.as("supervisor").getForEntity("/api/cases/" + caseId + "/diff?from="
                + moments.get(2) + "&to=" + moments.get(1), JsonNode.class);

        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody().path("type").asText()).isEqualTo("/problems/invalid-parameter");
        assertThat(missing.getBody().path("errors").get(0).path("field").asText()).isEqualTo("at");
        assertThat(garbled.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(garbled.getBody().path("errors").get(0).path("field").asText()).isEqualTo("at");
        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(backwards.getBody().path("errors").get(0).path("field").asText()).isEqualTo("from");
    }

    /**
     * Waits until the search index holds every event of the case so far, keeps what it shows, then marks the
     * moment: the next command comes after it.
     */
    private void remember() {
        long last = jdbc.queryForObject("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?",
                Long.class, caseId);
        JsonNode shown = api.awaitCase(caseId, c -> c.path("version").asLong() == last);
        Instant moment = Instant.now();
        shownAt.put(moment, shown);
        moments.add(moment);
    }

    private Instant firstEventTime() {
        return Instant.parse(supervisorGets("/api/cases/" + caseId + "/history").path("entries").get(0)
                .path("serverTime").asText());
    }

    private JsonNode supervisorGets(String path) {
        ResponseEntity<JsonNode> response = api.as("supervisor").getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as("%s: %s", path, response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static List<String> types(JsonNode entries) {
        List<String> types = new ArrayList<>();
        entries.forEach(entry -> types.add(entry.path("eventType").asText()));
        return types;
    }

    private static JsonNode first(JsonNode entries, String type) {
        for (JsonNode entry : entries) {
            if (entry.path("eventType").asText().equals(type)) {
                return entry;
            }
        }
        throw new AssertionError("no " + type + " in the history");
    }
}
