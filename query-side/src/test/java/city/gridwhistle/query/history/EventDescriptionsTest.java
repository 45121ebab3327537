package city.gridwhistle.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.api.casework.CaseEscalatedEvent;
import city.gridwhistle.api.casework.CaseRegisteredEvent;
import city.gridwhistle.api.casework.CaseDispatchedEvent;
import city.gridwhistle.api.casework.DeadlineStep;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class EventDescriptionsTest {

    @Test
    void everyKindOfCaseEventIsDescribedInChineseAndEnglish() throws IOException {
        Set<String> sampled = SampleCaseEvents.everyKind().stream().map(e -> e.getClass().getSimpleName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(sampled).as("a sample of every event type in case-api's casework package")
                .containsAll(caseworkEventTypes()).contains("ReportFiledEvent");

        for (Object event : SampleCaseEvents.everyKind()) {
            EventDescriptions.Description description = EventDescriptions.of(event);
            String type = event.getClass().getSimpleName();
            assertThat(description.zh()).as("zh of %s", type).isNotEqualTo(type).containsPattern("\\p{IsHan}");
            assertThat(description.en()).as("en of %s", type).isNotEqualTo(type).matches("[\\x20-\\x7E\\p{IsHan}→]+");
        }
    }

    @Test
    void registrationNamesTheCell() {
        var description = EventDescriptions.of(new CaseRegisteredEvent("c", SampleCaseEvents.GAS_COVER,
                SampleCaseEvents.LIANGFENG_03, SampleCaseEvents.T0));

        assertThat(description.zh()).isEqualTo("立案于粮丰社区03网格（燃气井盖）");
        assertThat(description.en()).isEqualTo("Registered in 粮丰社区03网格 (Gas manhole cover)");
    }

    @Test
    void aDispatchNamesTheWorker() {
        var description = EventDescriptions.of(new CaseDispatchedEvent("c", "51010400100102", "W001", SampleCaseEvents.T0));

        assertThat(description.zh()).isEqualTo("派遣给 W001");
        assertThat(description.en()).isEqualTo("Dispatched to W001");
    }

    @Test
    void anEscalationByTheClockNamesTheStepThatRanOut() {
        var description = EventDescriptions.of(new CaseEscalatedEvent("c", DeadlineStep.HANDLE, null, "system",
                SampleCaseEvents.T0));

        assertThat(description.zh()).isEqualTo("督办（处置超时）");
        assertThat(description.en()).isEqualTo("Escalated: handle time limit passed");
    }

    private static Set<String> caseworkEventTypes() throws IOException {
        Resource[] classes = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:city/gridwhistle/api/casework/*Event.class");
        Set<String> types = Arrays.stream(classes).map(Resource::getFilename).filter(name -> !name.contains("$"))
                .map(name -> name.substring(0, name.length() - ".class".length()))
                .collect(Collectors.toCollection(TreeSet::new));
        types.remove("CaseEvent");
        assertThat(types).as("event types found on the classpath").hasSizeGreaterThan(20);
        return types;
    }
}
