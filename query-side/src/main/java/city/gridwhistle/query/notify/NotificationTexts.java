package city.gridwhistle.query.notify;

import city.gridwhistle.api.casework.CaseStatus;
import city.gridwhistle.api.notify.ConfirmationState;
import city.gridwhistle.api.notify.LocalizedText;
import city.gridwhistle.api.notify.NotificationKind;
import city.gridwhistle.api.shared.Role;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Writes a notification for a rider in Chinese and English from public facts only: the case (short id and
 * category), its status, the step's due time, how many after-photos there are, and where a confirmation stands.
 * Nothing here can name a worker or another reporter, because nothing here is told who they are.
 */
final class NotificationTexts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    NotificationTexts(ZoneId zone) {
        this.zone = zone;
    }

    /** The facts a notification is written from. */
    record Facts(String caseId, String categoryZh, String categoryEn, NotificationKind kind, CaseStatus status,
                 Instant dueAt, int photoCount, ConfirmationState confirmation, Role checkedByRole) {
    }

    LocalizedText write(Facts facts) {
        String shortId = facts.caseId().length() > 8 ? facts.caseId().substring(0, 8) : facts.caseId();
        String caseZh = "案件 " + shortId + (facts.categoryZh() == null ? "" : "（" + facts.categoryZh() + "）");
        String caseEn = "Case " + shortId + (facts.categoryEn() == null ? "" : " (" + facts.categoryEn() + ")");
        StringBuilder zh = new StringBuilder();
        StringBuilder en = new StringBuilder();
        if (facts.kind() == NotificationKind.VERIFICATION_OVERDUE) {
            zh.append(caseZh).append("的处置结果未在核查时限内得到确认，已转网格员或督查核查。");
            en.append(caseEn).append(": the fix was not confirmed within the verification limit; a grid worker or "
                    + "supervisor will check it.");
        } else {
            zh.append(caseZh).append(statusZh(facts.status())).append("。");
            en.append(caseEn).append(' ').append(statusEn(facts.status())).append('.');
            if (facts.photoCount() > 0) {
                zh.append("已上传").append(facts.photoCount()).append("张处置后照片。");
                en.append(' ').append(facts.photoCount()).append(facts.photoCount() == 1 ? " after-photo" : " after-photos")
                        .append(" attached.");
            }
        }
        if (facts.dueAt() != null && facts.confirmation() == null && facts.kind() == NotificationKind.STATUS_CHANGED) {
            String due = WHEN.format(facts.dueAt().atZone(zone));
            zh.append("本环节时限：").append(due).append("。");
            en.append(" This step is due by ").append(due).append('.');
        }
        if (facts.confirmation() != null) {
            appendConfirmation(facts, zh, en);
        }
        return new LocalizedText(zh.toString(), en.toString());
    }

    private void appendConfirmation(Facts facts, StringBuilder zh, StringBuilder en) {
        switch (facts.confirmation()) {
            case AWAITED -> {
                zh.append("请确认是否已修好（已修好 / 未修好）");
                en.append(" Please confirm whether it is fixed (fixed / not fixed)");
                if (facts.dueAt() != null) {
                    String due = WHEN.format(facts.dueAt().atZone(zone));
                    zh.append("，请在").append(due).append("前答复");
                    en.append(" by ").append(due);
                }
                zh.append("。");
                en.append('.');
            }
            case OVERDUE -> {
                zh.append("确认时限已过，已转网格员或督查核查；核查完成前您仍可确认。");
                en.append(" The time to confirm has passed and a grid worker or supervisor will check it; you may "
                        + "still confirm until then.");
            }
            case ANSWERED -> {
                zh.append("感谢您的确认。");
                en.append(" Thank you for confirming.");
            }
            case SETTLED -> {
                zh.append("已由").append(checkerZh(facts.checkedByRole())).append("核查，无需您再确认。");
                en.append(" Checked by ").append(checkerEn(facts.checkedByRole()))
                        .append("; your confirmation is no longer needed.");
            }
        }
    }

    private static String statusZh(CaseStatus status) {
        return switch (status) {
            case REPORTED -> "已上报";
            case REGISTERED -> "已立案";
            case DISPATCHED -> "已派遣给网格员";
            case IN_PROGRESS -> "网格员已受理，正在处置";
            case RESOLVED -> "已处置完毕";
            case REWORK -> "核查未通过，正在返工";
            case CLOSED -> "已结案";
            case REOPENED -> "已重新打开";
            case PARKED -> "已挂账";
            case VOIDED -> "已作废";
            case MERGED -> "已合并到另一案件";
        };
    }

    private static String statusEn(CaseStatus status) {
        return switch (status) {
            case REPORTED -> "was reported";
            case REGISTERED -> "was registered";
            case DISPATCHED -> "was dispatched to a grid worker";
            case IN_PROGRESS -> "was accepted and is being handled";
            case RESOLVED -> "was resolved";
            case REWORK -> "failed verification and is being reworked";
            case CLOSED -> "was closed";
            case REOPENED -> "was reopened";
            case PARKED -> "was parked";
            case VOIDED -> "was voided";
            case MERGED -> "was merged into another case";
        };
    }

    private static String checkerZh(Role role) {
        if (role == null) {
            return "他人";
        }
        return switch (role) {
            case SUPERVISOR -> "督查";
            case GRID_WORKER -> "网格员";
            case RIDER -> "另一位上报人";
            default -> "他人";
        };
    }

    private static String checkerEn(Role role) {
        if (role == null) {
            return "someone else";
        }
        return switch (role) {
            case SUPERVISOR -> "a supervisor";
            case GRID_WORKER -> "a grid worker";
            case RIDER -> "another reporter";
            default -> "someone else";
        };
    }
}
