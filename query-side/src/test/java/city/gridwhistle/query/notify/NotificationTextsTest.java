package city.gridwhistle.query.notify;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.api.casework.CaseStatus;
import city.gridwhistle.api.notify.ConfirmationState;
import city.gridwhistle.api.notify.LocalizedText;
import city.gridwhistle.api.notify.NotificationKind;
import city.gridwhistle.api.shared.Role;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class NotificationTextsTest {

    private static final String CASE = "1a2b3c4d-0000-0000-0000-000000000001";
    private static final Instant DUE = Instant.parse("2026-12-01T07:30:00Z");
    private final NotificationTexts texts = new NotificationTexts(ZoneId.of("Asia/Shanghai"));

    @Test
    void aStatusChangeNamesTheCaseTheStatusAndTheStepsDueTimeInBeijingTime() {
        LocalizedText text = texts.write(facts(NotificationKind.STATUS_CHANGED, CaseStatus.DISPATCHED, 0, null, null));

        assertThat(text.zh()).isEqualTo("案件 1a2b3c4d（渣土撒漏）已派遣给网格员。本环节时限：2026-12-01 15:30。");
        assertThat(text.en()).isEqualTo("Case 1a2b3c4d (Spilled muck) was dispatched to a grid worker. "
                + "This step is due by 2026-12-01 15:30.");
    }

    @Test
    void aResolutionAsksTheReporterToConfirmByTheVerificationDeadline() {
        LocalizedText text = texts.write(facts(NotificationKind.STATUS_CHANGED, CaseStatus.RESOLVED, 2,
                ConfirmationState.AWAITED, null));

        assertThat(text.zh()).contains("已上传2张处置后照片").contains("请确认是否已修好（已修好 / 未修好），请在2026-12-01 15:30前答复");
        assertThat(text.en()).contains("2 after-photos attached").contains("Please confirm whether it is fixed");
    }

    @Test
    void aConfirmationCheckedBySomebodyElseIsNoLongerAskedForAndNamesOnlyTheirRole() {
        LocalizedText text = texts.write(facts(NotificationKind.STATUS_CHANGED, CaseStatus.RESOLVED, 1,
                ConfirmationState.SETTLED, Role.GRID_WORKER));

        assertThat(text.zh()).endsWith("已由网格员核查，无需您再确认。").doesNotContain("请确认");
        assertThat(text.en()).endsWith("Checked by a grid worker; your confirmation is no longer needed.");
    }

    @Test
    void anOverdueVerificationSaysItFallsBackToAWorkerOrSupervisor() {
        LocalizedText text = texts.write(facts(NotificationKind.VERIFICATION_OVERDUE, CaseStatus.RESOLVED, 0, null, null));

        assertThat(text.zh()).contains("未在核查时限内得到确认，已转网格员或督查核查");
        assertThat(text.en()).contains("a grid worker or supervisor will check it");
    }

    private static NotificationTexts.Facts facts(NotificationKind kind, CaseStatus status, int photos,
                                                 ConfirmationState confirmation, Role checkedBy) {
        return new NotificationTexts.Facts(CASE, "渣土撒漏", "Spilled muck", kind, status, DUE, photos, confirmation,
                checkedBy);
    }
}
