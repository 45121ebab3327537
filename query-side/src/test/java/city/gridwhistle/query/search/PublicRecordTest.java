package city.gridwhistle.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.api.casework.CaseStatus;
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
        assertThat(shown.updatedAt()).isEqualTo(shown.milestones().getLast().at());
    }

    @Test
    void aPointIsKeptToAboutAHundredMetres() {
        assertThat(PublicCase.approximate(new GeoPoint(30.610999, 104.128583)))
                .isEqualTo(new GeoPoint(30.611, 104.129));
        assertThat(PublicCase.approximate(new GeoPoint(30.6104, 104.1275))).isEqualTo(new GeoPoint(30.61, 104.128));
    }
}
