package city.gridwhistle.api.notify;

import city.gridwhistle.api.shared.Actor;

/**
 * A live inbox: as a subscription query its initial answer is the newest page ({@link RiderNotifications}), and
 * each later notification for the viewer arrives as a {@link RiderNotification}.
 */
public record WatchRiderNotificationsQuery(Actor viewer) {

    public static final int INITIAL_SIZE = 20;
}
