package city.gridwhistle.api.notify;

import city.gridwhistle.api.shared.Actor;

/** The rider has read one of their notifications; answers false when the rider has no such notification. */
public record MarkNotificationReadCommand(String notificationId, Actor actor) {
}
