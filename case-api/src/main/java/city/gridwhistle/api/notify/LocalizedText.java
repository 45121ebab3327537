package city.gridwhistle.api.notify;

/** The same message in Chinese (the default) and English. */
public record LocalizedText(String zh, String en) {
}
