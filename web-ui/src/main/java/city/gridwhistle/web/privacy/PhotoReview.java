package city.gridwhistle.web.privacy;

import city.gridwhistle.api.rider.RiderReports;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The table {@code erasure_photo_review}: the photos an erased rider sent with their reports, for an administrator
 * to review by hand (a face, a plate, a house number may need blurring, or the photo is evidence as it is). The
 * erasure deletes no photo; the list outlives the index, which no longer names the rider, so every answer to an
 * erasure, the first or a repeated one, gives the same photos.
 */
@Component
class PhotoReview {

    /** A photo to review: the case it is evidence of, and its SHA-256 ({@code GET /api/photos/{sha256}}). */
    record Photo(String caseId, String sha256) {
    }

    private final JdbcTemplate jdbc;

    PhotoReview(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void list(RiderReports reports) {
        reports.reports().forEach(report -> report.photos().forEach(sha256 -> jdbc.update("""
                insert into erasure_photo_review (rider_id, case_id, sha256) values (?, ?, ?)
                on conflict do nothing""", reports.riderId(), report.caseId(), sha256)));
    }

    List<Photo> of(String riderId) {
        return jdbc.query("""
                select case_id, sha256 from erasure_photo_review where rider_id = ? order by case_id, sha256""",
                (rs, n) -> new Photo(rs.getString(1), rs.getString(2)), riderId);
    }
}
