package city.gridwhistle.api.rider;

import java.util.List;

/** The reports of one rider, one per case, with the SHA-256 of the photos they sent with it. */
public record RiderReports(String riderId, List<Report> reports) {

    public RiderReports {
        reports = List.copyOf(reports);
    }

    /** The rider's report (first or corroborating) of a case, and its photos. */
    public record Report(String caseId, List<String> photos) {

        public Report {
            photos = List.copyOf(photos);
        }
    }
}
