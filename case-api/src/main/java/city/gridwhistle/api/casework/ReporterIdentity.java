package city.gridwhistle.api.casework;

/** The person behind a report: only ever given to a supervisor, and every time recorded on the case. */
public record ReporterIdentity(String riderId, String name, String phone) {
}
