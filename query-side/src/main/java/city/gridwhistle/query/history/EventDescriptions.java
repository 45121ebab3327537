package city.gridwhistle.query.history;

import city.gridwhistle.api.casework.CaseAcceptedEvent;
import city.gridwhistle.api.casework.CaseClosedEvent;
import city.gridwhistle.api.casework.CaseDispatchedEvent;
import city.gridwhistle.api.casework.CaseEscalatedEvent;
import city.gridwhistle.api.casework.CaseFollowedEvent;
import city.gridwhistle.api.casework.CaseParkedEvent;
import city.gridwhistle.api.casework.CaseProgressNotedEvent;
import city.gridwhistle.api.casework.CaseQueuedForSupervisorEvent;
import city.gridwhistle.api.casework.CaseReassignedEvent;
import city.gridwhistle.api.casework.CaseRegisteredEvent;
import city.gridwhistle.api.casework.CaseReopenedEvent;
import city.gridwhistle.api.casework.CaseResolvedEvent;
import city.gridwhistle.api.casework.CaseStatus;
import city.gridwhistle.api.casework.CaseStepDeadlineSetEvent;
import city.gridwhistle.api.casework.CaseStepDeadlineWarnedEvent;
import city.gridwhistle.api.casework.CaseTransferredEvent;
import city.gridwhistle.api.casework.CaseUnparkedEvent;
import city.gridwhistle.api.casework.CaseVerificationFailedEvent;
import city.gridwhistle.api.casework.CaseVerifiedEvent;
import city.gridwhistle.api.casework.CaseVoidedEvent;
import city.gridwhistle.api.casework.CaseWorkStartedEvent;
import city.gridwhistle.api.casework.CellRef;
import city.gridwhistle.api.casework.DeadlineStep;
import city.gridwhistle.api.casework.ReportAttachedEvent;
import city.gridwhistle.api.casework.ReporterIdentityRevealedEvent;
import city.gridwhistle.api.intake.ReportFiledEvent;
import city.gridwhistle.api.shared.TimeLimit;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * What each kind of case event means, in a sentence in Chinese and one in English, for people reading a history
 * in an inquiry. Free text (reasons, notes) is not repeated here: it has a column of its own. Times are the city's
 * (UTC+8), as staff read them.
 */
final class EventDescriptions {

    /** A sentence in each language. */
    record Description(String zh, String en) {
    }

    private static final DateTimeFormatter CITY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private EventDescriptions() {
    }

    static Description of(Object payload) {
        return switch (payload) {
            case ReportFiledEvent e -> new Description(
                    "上报（类别 " + e.categoryCode() + "，上报人 " + e.reporterId() + "）" + place(e.address(), "：", ""),
                    "Reported (category " + e.categoryCode() + ", by " + e.reporterId() + ")" + place(e.address(), " at ", ""));
            case CaseRegisteredEvent e -> new Description(
                    "立案于" + cellName(e.cell()) + "（" + e.rules().zh() + "）",
                    "Registered in " + cellName(e.cell()) + " (" + e.rules().en() + ")");
            case ReportAttachedEvent e -> new Description(
                    e.reporterId() + " 再次上报同一问题，并入本案（第 " + e.reportCount() + " 次上报）",
                    e.reporterId() + " reported the same hazard; joined to this case (report " + e.reportCount() + ")");
            case CaseDispatchedEvent e -> new Description("派遣给 " + e.workerId(), "Dispatched to " + e.workerId());
            case CaseQueuedForSupervisorEvent e -> new Description(
                    "网格内无人在岗，等待监督员派遣", "Nobody on duty in the cell: waiting for a supervisor to dispatch");
            case CaseReassignedEvent e -> new Description(
                    "改派：" + e.fromWorkerId() + " → " + e.toWorkerId(),
                    "Reassigned from " + e.fromWorkerId() + " to " + e.toWorkerId());
            case CaseAcceptedEvent e -> new Description(e.workerId() + " 受理", "Accepted by " + e.workerId());
            case CaseWorkStartedEvent e -> new Description(
                    e.workerId() + " 到场处置", e.workerId() + " started work on site");
            case CaseProgressNotedEvent e -> new Description(
                    e.authorId() + " 记录进展" + photos(e.photos().size(), "zh"),
                    "Progress noted by " + e.authorId() + photos(e.photos().size(), "en"));
            case CaseResolvedEvent e -> new Description(
                    e.workerId() + " 处置完毕" + photos(e.photos().size(), "zh"),
                    "Resolved by " + e.workerId() + photos(e.photos().size(), "en"));
            case CaseVerifiedEvent e -> new Description(
                    "核查通过（核查人 " + e.verifierId() + "）", "Verified as fixed by " + e.verifierId());
            case CaseVerificationFailedEvent e -> new Description(
                    "核查未通过，返工（第 " + e.reworkCount() + " 次，核查人 " + e.verifierId() + "，处置人 " + e.handlerId() + "）",
                    "Verification failed: rework no. " + e.reworkCount() + " (checked by " + e.verifierId()
                            + ", handled by " + e.handlerId() + ")");
            case CaseClosedEvent e -> new Description("结案", "Closed");
            case CaseParkedEvent e -> new Description(
                    "挂账（原状态 " + statusZh(e.statusBefore()) + "），计时暂停",
                    "Parked (was " + e.statusBefore() + "); clocks stopped");
            case CaseUnparkedEvent e -> new Description(
                    "恢复办理，回到" + statusZh(e.statusAfter()), "Taken up again, back to " + e.statusAfter());
            case CaseTransferredEvent e -> new Description(
                    "由网格 " + e.fromCellCode() + " 转至" + cellName(e.toCell()),
                    "Transferred from cell " + e.fromCellCode() + " to " + cellName(e.toCell()));
            case CaseEscalatedEvent e when e.step() != null -> new Description(
                    "督办（" + stepZh(e.step()) + "超时）", "Escalated: " + stepEn(e.step()) + " time limit passed");
            case CaseEscalatedEvent e -> new Description("督办（" + e.byId() + "）", "Escalated by " + e.byId());
            case CaseReopenedEvent e -> new Description("重新打开", "Reopened");
            case CaseVoidedEvent e -> new Description("作废（" + e.byId() + "）", "Voided by " + e.byId());
            case CaseFollowedEvent e -> new Description(e.riderId() + " 关注本案", "Followed by " + e.riderId());
            case CaseStepDeadlineSetEvent e -> new Description(
                    "开始计时：" + stepZh(e.step()) + "时限 " + limitZh(e.limit()) + "，" + CITY_TIME.format(e.dueAt()) + " 到期",
                    "Clock started: " + stepEn(e.step()) + " within " + limitEn(e.limit()) + ", due "
                            + CITY_TIME.format(e.dueAt()) + " (UTC+8)");
            case CaseStepDeadlineWarnedEvent e -> new Description(
                    "预警：" + stepZh(e.step()) + "时限将到（" + CITY_TIME.format(e.dueAt()) + " 到期）",
                    "Warning: " + stepEn(e.step()) + " due " + CITY_TIME.format(e.dueAt()) + " (UTC+8)");
            case ReporterIdentityRevealedEvent e -> new Description(
                    e.viewerId() + " 查看了上报人身份", e.viewerId() + " looked up who reported the case");
            default -> new Description(payload.getClass().getSimpleName(), payload.getClass().getSimpleName());
        };
    }

    private static String cellName(CellRef cell) {
        return cell.cellName() != null ? cell.cellName() : cell.cellCode();
    }

    private static String place(String address, String before, String after) {
        return address == null || address.isBlank() ? "" : before + address + after;
    }

    private static String photos(int count, String language) {
        if (count == 0) {
            return "";
        }
        return language.equals("zh") ? "（照片 " + count + " 张）" : " (" + count + (count == 1 ? " photo)" : " photos)");
    }

    static String stepZh(DeadlineStep step) {
        return switch (step) {
            case DISPATCH -> "派遣";
            case ACCEPT -> "受理";
            case HANDLE -> "处置";
            case VERIFY -> "核查";
        };
    }

    static String stepEn(DeadlineStep step) {
        return switch (step) {
            case DISPATCH -> "dispatch";
            case ACCEPT -> "accept";
            case HANDLE -> "handle";
            case VERIFY -> "verify";
        };
    }

    private static String limitZh(TimeLimit limit) {
        return limit.amount() + " " + switch (limit.unit()) {
            case SECONDS -> "秒";
            case MINUTES -> "分钟";
            case URGENT_HOURS -> "小时";
            case WORKING_HOURS -> "工作小时";
            case WORKING_DAYS -> "工作日";
            case NATURAL_DAYS -> "自然日";
        };
    }

    private static String limitEn(TimeLimit limit) {
        String unit = switch (limit.unit()) {
            case SECONDS -> "second";
            case MINUTES -> "minute";
            case URGENT_HOURS -> "hour";
            case WORKING_HOURS -> "working hour";
            case WORKING_DAYS -> "working day";
            case NATURAL_DAYS -> "calendar day";
        };
        return limit.amount() + " " + unit + (limit.amount() == 1 ? "" : "s");
    }

    private static String statusZh(CaseStatus status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case REPORTED -> "已上报";
            case REGISTERED -> "已立案";
            case DISPATCHED -> "已派遣";
            case IN_PROGRESS -> "处置中";
            case RESOLVED -> "已处置";
            case REWORK -> "返工";
            case CLOSED -> "已结案";
            case REOPENED -> "重新打开";
            case PARKED -> "挂账";
            case VOIDED -> "已作废";
            case MERGED -> "已合并";
        };
    }
}
