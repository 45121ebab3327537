package city.gridwhistle.api.notify;

import city.gridwhistle.api.shared.Actor;

/** Stops deliveries to a webhook; answers false when there is no such webhook. */
public record RemovePlatformWebhookCommand(String webhookId, Actor actor) {
}
