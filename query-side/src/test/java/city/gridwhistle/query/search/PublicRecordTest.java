package city.gridwhistle.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.api.casework.CaseEscalatedEvent;
import city.gridwhistle.api.casework.CaseFollowedEvent;
import city.gridwhistle.api.casework.CaseStatus;
import city.gridwhistle.api.casework.CaseStepDeadlineWarnedEvent;
import city.gridwhistle.api.casework.CaseVoidedEvent;
import city.gridwhistle.api.casework.ReporterIdentityRevealedEvent;
import city.gridwhistle.api.casework.PublicCase;
import city.gridwhistle.api.shared.GeoPoint;
import city.gridwhistle.query.history.SampleCaseEvents;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public record says what, roughly where, and how far the loop got: nothing of who or why. */
class PublicRecordTest {

    @Test
    void aCaseOnThePublicRecordCarriesNothingOfWhoOrWhy() {
        CaseDocument doc = new CaseDocument();
        List<Object> events = SampleCaseEvents.everyKind();
        for (int sequence = 0; sequence < events.size() - 2; sequence++) {
            CaseFold.apply(doc, SampleCaseEvents.CASE, events.get(sequence), sequence);
        }

        PublicCase shown = PublicRecordQueries.of(doc);

        assertThat(doc.statusNote).isNotBlank();
        assertThat(shown.toString()).doesNotContain(doc.description, doc.address, doc.statusNote, doc.reporterId,
                "W001", "W002", "W009", "R04", doc.photoHashes.getFirst());
        assertThat(shown.approximateLocation()).isEqualTo(new GeoPoint(30.61, 104.128));
        assertThat(shown.place()).isEqualTo("书房社区, 东安街道, 龙泉驿区");
        assertThat(shown.milestones()).extracting(PublicCase.Milestone::status).startsWith(CaseStatus.REPORTED,
                CaseStatus.REGISTERED, CaseStatus.DISPATCHED);
        assertThat(shown.milestones()).extracting(PublicCase.Milestone::at).isSorted();
        // the last change is the supervisor's escalation after the unpark, not a step of the loop; the follow
        // after it changes nothing of the case
        CaseEscalatedEvent lastChange = (CaseEscalatedEvent) events.get(events.size() - 4);
        assertThat(shown.updatedAt()).isEqualTo(lastChange.at()).isAfter(shown.milestones().getLast().at());
    }

    @Test
    void onlyTheReporterNamedGetsTheReportsPhotos() {
        CaseDocument doc = new CaseDocument();
        List<Object> events = SampleCaseEvents.everyKind();
        for (int sequence = 0; sequence < 5; sequence++) {
            CaseFold.apply(doc, SampleCaseEvents.CASE, events.get(sequence), sequence);
        }
        assertThat(doc.photoHashes).isNotEmpty();

        assertThat(PublicRecordQueries.of(doc, "R041").ownPhotoHashes()).isEqualTo(doc.photoHashes);
        assertThat(PublicRecordQueries.of(doc, "R042").ownPhotoHashes()).as("a corroborator reported it too")
                .isEqualTo(doc.photoHashes);
        assertThat(PublicRecordQueries.of(doc, "R043").ownPhotoHashes()).isEmpty();
        assertThat(PublicRecordQueries.of(doc, null).ownPhotoHashes()).isEmpty();
        assertThat(PublicRecordQueries.of(doc).ownPhotoHashes()).isEmpty();
    }

    @Test
    void everyKindOfChangeMovesTheUpdatedTime() {
        CaseDocument doc = new CaseDocument();
        List<Object> events = SampleCaseEvents.everyKind();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            Object event = events.get(sequence);
            java.time.Instant before = doc.lastModifiedAt;
            CaseFold.apply(doc, SampleCaseEvents.CASE, event, sequence);
            if (event instanceof CaseFollowedEvent || event instanceof CaseStepDeadlineWarnedEvent
                    || event instanceof ReporterIdentityRevealedEvent) {
                assertThat(doc.lastModifiedAt).as("%s", event).isEqualTo(before);
            } else {
                assertThat(doc.lastModifiedAt).as("%s", event).isEqualTo(CaseFold.modifiedAt(event)).isNotNull();
            }
        }
    }

    @Test
    void aVoidedCaseIsATombstoneThatSaysNothingOfWhatOrWhere() {
        CaseDocument doc = new CaseDocument();
        List<Object> events = SampleCaseEvents.everyKind();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            CaseFold.apply(doc, SampleCaseEvents.CASE, events.get(sequence), sequence);
        }
        CaseVoidedEvent voided = (CaseVoidedEvent) events.getLast();

        PublicCase shown = PublicRecordQueries.of(doc);

        assertThat(shown.tombstone()).isTrue();
        assertThat(shown.status()).isEqualTo(CaseStatus.VOIDED);
        assertThat(shown.updatedAt()).isEqualTo(voided.at());
        assertThat(shown.categoryCode()).isNull();
        assertThat(shown.categoryZh()).isNull();
        assertThat(shown.approximateLocation()).isNull();
        assertThat(shown.place()).isNull();
        assertThat(shown.dueAt()).isNull();
        assertThat(shown.milestones()).extracting(PublicCase.Milestone::status)
                .containsExactly(CaseStatus.REPORTED, CaseStatus.VOIDED);
        assertThat(shown.toString()).doesNotContain(doc.categoryCode, doc.description, doc.address, doc.statusNote,
                doc.reporterId, "书房", "30.61");
    }

    @Test
    void aPointIsKeptToAboutAHundredMetres() {
        assertThat(PublicCase.approximate(new GeoPoint(30.610999, 104.128583)))
                .isEqualTo(new GeoPoint(30.611, 104.129));
        assertThat(PublicCase.approximate(new GeoPoint(30.6104, 104.1275))).isEqualTo(new GeoPoint(30.61, 104.128));
    }
}
