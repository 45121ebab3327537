package city.gridwhistle.api.notify;

/** Every registered webhook, by platform; answers {@link PlatformWebhooks}. */
public record FindPlatformWebhooksQuery() {
}
