package city.gridwhistle.api.intake;

/**
 * What a rider learns at once on filing: the case and where it went. {@code workerId} is null while the case
 * waits for a supervisor; {@code attached} is true when the report joined an open case of the same hazard.
 */
public record ReportReceipt(String caseId, String cellCode, String cellName, String workerId, boolean awaitingSupervisor,
                            boolean attached) {
}
