package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;

/**
 * Whether the viewer may fetch the photo with this SHA-256: answered true only when it belongs to a case they see
 * at least as its reporter ({@link CaseSight#REPORTER}); a photo they may not fetch is as one that does not exist.
 */
public record FindPhotoAccessQuery(String sha256, Actor viewer) {
}
