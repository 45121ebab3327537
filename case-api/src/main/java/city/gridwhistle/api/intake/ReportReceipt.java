package city.gridwhistle.api.intake;

/** What a rider learns at once on filing: the case and where it went. {@code workerId} is null when queued. */
public record ReportReceipt(String caseId, String cellCode, String cellName, String workerId, boolean awaitingSupervisor) {
}
