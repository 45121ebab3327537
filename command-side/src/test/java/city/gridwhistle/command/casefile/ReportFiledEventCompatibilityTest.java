package city.gridwhistle.command.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.api.intake.ReportFiledEvent;
import city.gridwhistle.api.shared.GeoPoint;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * Events are never edited: a report filed before attributes existed (issue #24) is stored without them and must
 * read back, with none, through the serializer the event store uses.
 */
class ReportFiledEventCompatibilityTest {

    private static final String STORED_BEFORE_ATTRIBUTES = """
            {"caseId":"case-old","reportId":"report-old","reporterId":"R001","categoryCode":"C0101",\
            "location":{"lat":30.61,"lon":104.128},"address":"成龙大道二段","description":"井盖缺失",\
            "photos":[],"deviceTime":null,"filedAt":"2026-11-01T02:00:00Z"}""";

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules()).build();

    @Test
    void aReportStoredBeforeAttributesReadsBackWithNone() {
        ReportFiledEvent event = serializer.deserialize(new SimpleSerializedObject<>(STORED_BEFORE_ATTRIBUTES,
                String.class, new SimpleSerializedType(ReportFiledEvent.class.getName(), null)));

        assertThat(event.caseId()).isEqualTo("case-old");
        assertThat(event.filedAt()).isEqualTo(Instant.parse("2026-11-01T02:00:00Z"));
        assertThat(event.attributes()).isEmpty();
    }

    @Test
    void attributesGoThereAndBack() {
        ReportFiledEvent filed = new ReportFiledEvent("case-new", "report-new", "partner:1", "E0403",
                new GeoPoint(30.61, 104.128), null, "积水", List.of(), null, Instant.parse("2026-12-07T02:00:00Z"),
                Map.of("depth_cm", "30", "traffic_blocked", "yes"));
        SerializedObject<String> stored = serializer.serialize(filed, String.class);

        assertThat(stored.getData()).contains("\"attributes\"");
        ReportFiledEvent read = serializer.deserialize(stored);
        assertThat(read).isEqualTo(filed);
    }
}
