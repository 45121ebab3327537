package city.gridwhistle.api.notify;

import java.util.List;

/** A page of a rider's inbox, newest first, with the inbox's totals. */
public record RiderNotifications(List<RiderNotification> items, int page, int size, long total, long unread) {
}
