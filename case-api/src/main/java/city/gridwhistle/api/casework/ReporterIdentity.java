package city.gridwhistle.api.casework;

/**
 * The person behind a report: only ever given to a supervisor, and every time recorded on the case. When the
 * person's data was erased (a PIPL request), only the id is left and {@code erased} says so.
 */
public record ReporterIdentity(String riderId, String name, String phone, boolean erased) {

    public ReporterIdentity(String riderId, String name, String phone) {
        this(riderId, name, phone, false);
    }

    public static ReporterIdentity erased(String riderId) {
        return new ReporterIdentity(riderId, null, null, true);
    }

    @Override
    public String toString() {
        // personal data stays out of logs
        return "ReporterIdentity[riderId=" + riderId + ", erased=" + erased + "]";
    }
}
