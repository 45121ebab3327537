package city.gridwhistle.api.notify;

/** The latest deliveries, newest first, of one platform or (platform null) of all; answers {@link WebhookDeliveries}. */
public record FindWebhookDeliveriesQuery(String platform, int limit) {

    public static final int MAX_LIMIT = 500;
}
