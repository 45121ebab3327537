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
import city.gridwhistle.api.shared.CategoryFamily;
import city.gridwhistle.api.shared.CategoryRules;
import city.gridwhistle.api.shared.GeoPoint;
import city.gridwhistle.api.shared.LimitUnit;
import city.gridwhistle.api.shared.PhotoRef;
import city.gridwhistle.api.shared.Role;
import city.gridwhistle.api.shared.TimeLimit;
import city.gridwhistle.api.shared.TimeLimits;
import city.gridwhistle.api.shared.Urgency;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** One event of every kind a case's stream holds, for one case in 粮丰社区 that moves to 书房社区. */
public final class SampleCaseEvents {

    public static final String CASE = "case-1";
    static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");
    static final CellRef LIANGFENG_03 = new CellRef("51010400100103", "粮丰社区03网格", "510104", "锦江区",
            "510104001", "成龙路街道", "510104001001", "粮丰社区");
    static final CellRef SHUFANG_03 = new CellRef("51011200100103", "书房社区03网格", "510112", "龙泉驿区",
            "510112001", "东安街道", "510112001001", "书房社区");
    static final TimeLimit THIRTY_MINUTES = new TimeLimit(30, LimitUnit.MINUTES);
    static final CategoryRules GAS_COVER = new CategoryRules("C0104", CategoryFamily.COMPONENT, "C01", "公用设施",
            "Public utilities", "04", "燃气井盖", "Gas manhole cover", Urgency.URGENT,
            new TimeLimits(THIRTY_MINUTES, THIRTY_MINUTES, THIRTY_MINUTES, THIRTY_MINUTES), 30, null, null, null);
    static final PhotoRef PHOTO = new PhotoRef("a".repeat(64), "image/png", 16);

    private SampleCaseEvents() {
    }

    static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    public static List<Object> everyKind() {
        return everyKind(CASE);
    }

    /** The same events for a case of another id. */
    public static List<Object> everyKind(String caseId) {
        return List.of(
                new ReportFiledEvent(caseId, "rep-1", "R041", "C0104", new GeoPoint(30.61, 104.128), "成龙大道一段",
                        "燃气井盖松动", List.of(PHOTO), at(-1), at(0)),
                new CaseRegisteredEvent(caseId, GAS_COVER, LIANGFENG_03, at(0)),
                new ReportAttachedEvent(caseId, "rep-2", "R042", new GeoPoint(30.61, 104.128), "井盖响", List.of(),
                        at(1), at(1), 2, 5),
                new CaseQueuedForSupervisorEvent(caseId, LIANGFENG_03.cellCode(), "nobody on duty", at(1)),
                new CaseDispatchedEvent(caseId, LIANGFENG_03.cellCode(), "W002", at(2)),
                new CaseStepDeadlineSetEvent(caseId, DeadlineStep.ACCEPT, THIRTY_MINUTES, at(2), at(26), at(32), "w", "o"),
                new CaseStepDeadlineWarnedEvent(caseId, DeadlineStep.ACCEPT, at(32), at(26)),
                new CaseEscalatedEvent(caseId, DeadlineStep.ACCEPT, null, "system", at(32)),
                new CaseReassignedEvent(caseId, "W002", "W001", "均衡工作量", at(33)),
                new CaseAcceptedEvent(caseId, "W001", at(34)),
                new CaseWorkStartedEvent(caseId, "W001", at(35)),
                new CaseProgressNotedEvent(caseId, "W001", Role.GRID_WORKER, "已联系燃气公司", List.of(), at(36)),
                new CaseTransferredEvent(caseId, LIANGFENG_03.cellCode(), SHUFANG_03, "地址有误", "W001", at(37)),
                new CaseResolvedEvent(caseId, "W009", "已更换", List.of(PHOTO), at(40)),
                new CaseVerificationFailedEvent(caseId, "R041", Role.RIDER, "W009", "还是松的", List.of(), 1, at(41)),
                new CaseVerifiedEvent(caseId, "S-CITY", Role.SUPERVISOR, "现场核查正常", List.of(), at(45)),
                new CaseClosedEvent(caseId, "R041", Set.of("R042"), "W009", at(45)),
                new CaseReopenedEvent(caseId, "又松了", at(50)),
                new CaseParkedEvent(caseId, "等燃气公司", CaseStatus.REOPENED, at(51)),
                new CaseUnparkedEvent(caseId, "燃气公司已到", CaseStatus.REOPENED, at(52)),
                new CaseEscalatedEvent(caseId, null, "群众多次反映", "S-CITY", at(53)),
                new CaseFollowedEvent(caseId, "R043", at(54)),
                new ReporterIdentityRevealedEvent(caseId, "R041", "S-CITY", "核实情况", at(55)),
                new CaseVoidedEvent(caseId, "重复", "S-CITY", at(56)));
    }
}
