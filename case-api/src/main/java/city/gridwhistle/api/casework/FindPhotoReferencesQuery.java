package city.gridwhistle.api.casework;

import java.util.Set;

/**
 * Which of these photos (by SHA-256) some case holds, whoever may see it: answered with the set of those that are,
 * for the housekeeping of uploads no case took (never for a caller's eyes).
 */
public record FindPhotoReferencesQuery(Set<String> sha256s) {

    public static final int MAX_PHOTOS = 1_000;

    public FindPhotoReferencesQuery {
        sha256s = Set.copyOf(sha256s);
        if (sha256s.size() > MAX_PHOTOS) {
            throw new IllegalArgumentException("at most " + MAX_PHOTOS + " photos at a time");
        }
    }
}
