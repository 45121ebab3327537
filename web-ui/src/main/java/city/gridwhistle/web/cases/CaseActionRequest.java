package city.gridwhistle.web.cases;

import city.gridwhistle.web.PlainText;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of a case action; each action reads the fields it needs.
 *
 * @param photos SHA-256 hashes of photos uploaded before with {@code POST /api/photos}
 */
public record CaseActionRequest(
        @Size(max = 4000, message = "at most 4000 characters") @PlainText String reason,
        @Size(max = 4000, message = "at most 4000 characters") @PlainText String note,
        @Size(max = 64, message = "at most 64 characters") @PlainText String workerId,
        @Size(max = 14, message = "a cell code has 14 digits") @PlainText String toCellCode,
        Boolean fixed,
        @Size(max = 5, message = "at most 5 photos") @PlainText List<String> photos) {

    public List<String> photoHashes() {
        return photos == null ? List.of() : photos;
    }
}
