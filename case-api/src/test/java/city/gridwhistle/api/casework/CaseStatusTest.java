package city.gridwhistle.api.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CaseStatusTest {

    @Test
    void everyStateIsEitherOpenOrFinal() {
        for (CaseStatus status : CaseStatus.values()) {
            assertThat(CaseStatus.OPEN.contains(status)).as("%s", status)
                    .isNotEqualTo(CaseStatus.FINAL.contains(status));
            assertThat(status.isOpen()).as("%s", status).isEqualTo(CaseStatus.OPEN.contains(status));
        }
        assertThat(CaseStatus.FINAL).containsExactlyInAnyOrder(CaseStatus.CLOSED, CaseStatus.VOIDED, CaseStatus.MERGED);
    }

    @Test
    void theSetsCannotBeChangedByTheirUsers() {
        assertThatThrownBy(() -> CaseStatus.OPEN.add(CaseStatus.CLOSED))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> CaseStatus.FINAL.remove(CaseStatus.MERGED))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
