package city.gridwhistle.api.notify;

import java.util.List;

public record WebhookDeliveries(List<WebhookDelivery> deliveries) {
}
