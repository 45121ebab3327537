package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.GeoPoint;
import java.time.Instant;
import java.util.List;

/**
 * A case as the public record shows it, to anyone (Open311's requests): what kind of hazard, roughly where, how
 * far the loop got and when. Never the reporter's words or address, the exact point they stood at, photos, who
 * handles it, or any reason or note (docs/security.md): a whistle-blower must not be found through the record.
 *
 * @param approximateLocation the point rounded to {@link #PRECISION} decimal places (about 100 m)
 * @param place               the community, street and district the case lies in, from the grid
 * @param dueAt               when the handling is due, while it runs
 * @param updatedAt           when any event last changed the case (decision 0050)
 * @param milestones          the latest time the case reached each step of the loop, in order of time
 * @param ownPhotoHashes      the photos of the report, only when the query named a reader who reported the case
 *                            (a partner reading what it filed, decision 0050); empty for everyone else
 *
 * A voided or merged case is a tombstone: its id, state, times and the steps reported and voided, nothing of what
 * or where (decision 0050), so that a client that imported it learns it ended without the record saying more.
 */
public record PublicCase(String caseId, CaseStatus status, String categoryCode, String categoryZh,
                         GeoPoint approximateLocation, String place, Instant reportedAt, Instant updatedAt,
                         Instant dueAt, List<Milestone> milestones, List<String> ownPhotoHashes) {

    public PublicCase {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        ownPhotoHashes = ownPhotoHashes == null ? List.of() : List.copyOf(ownPhotoHashes);
    }

    /** Decimal places kept of a point: 0.001° is about 110 m north–south and 95 m east–west in Chengdu. */
    public static final int PRECISION = 3;

    /** A step of the loop the case reached, and when. */
    public record Milestone(CaseStatus status, Instant at) {
    }

    /** Whether the case is on the record only as a tombstone: voided or merged. */
    public boolean tombstone() {
        return status == CaseStatus.VOIDED || status == CaseStatus.MERGED;
    }

    /** The point as the public record gives it. */
    public static GeoPoint approximate(GeoPoint exact) {
        double scale = Math.pow(10, PRECISION);
        return exact == null ? null
                : new GeoPoint(Math.round(exact.lat() * scale) / scale, Math.round(exact.lon() * scale) / scale);
    }
}
