package city.gridwhistle.api.notify;

import city.gridwhistle.api.shared.Actor;

/**
 * Notifications of the platform's riders are to be posted to this URL; replaces the platform's previous webhook
 * and its secret. Answers {@link RegisteredWebhook}, the only place the new secret is ever shown.
 */
public record RegisterPlatformWebhookCommand(String platform, String url, Actor actor) {
}
