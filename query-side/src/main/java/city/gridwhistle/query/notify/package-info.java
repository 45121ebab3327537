/**
 * Being told (issue #7): the riders' inboxes, kept from the case events by the tracking processor
 * {@code rider-notifications}, and their delivery to each partner platform's webhook (signed, retried with
 * backoff as db-scheduler tasks). Notifications speak in public terms only. See decision 0013.
 */
package city.gridwhistle.query.notify;
