package city.gridwhistle.api.notify;

import city.gridwhistle.api.shared.Actor;

/** The viewer's own inbox, newest first; answers {@link RiderNotifications}. */
public record FindRiderNotificationsQuery(Actor viewer, int page, int size) {

    public static final int MAX_SIZE = 100;
}
