package city.gridwhistle.api.notify;

import java.util.List;

public record PlatformWebhooks(List<PlatformWebhook> webhooks) {
}
