package city.gridwhistle.api.shared;

/** A photo kept outside the events, addressed by the SHA-256 of its bytes so the event proves its content. */
public record PhotoRef(String sha256, String contentType, long sizeBytes) {
}
