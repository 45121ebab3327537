package city.gridwhistle.api.audit;

import java.time.Instant;
import java.util.List;

/**
 * One event of a case as an inquiry reads it. Who acted comes from the event's metadata (stamped from the signed-in
 * caller); events the system raised on its own (a deadline firing) name the actor {@code system}. No reporter
 * identity is ever here: riders appear by their pseudonymous id.
 *
 * @param sequence      the event's position in the case's stream, from 0
 * @param eventType     the event's simple name, e.g. {@code CaseDispatchedEvent}
 * @param serverTime    when the event was appended (UTC)
 * @param deviceTime    the reporter's phone clock, for reports; null otherwise
 * @param userId        who acted: their domain id (R001, W001, S001, a partner's id), or {@code system}
 * @param username      the account name of staff, looked up when the history is shown (events carry the domain id
 *                      only, decision 0046); null for riders, whose account names may be personal, and partners
 * @param channel       WEB, APP or API; null for the system
 * @param reason        the reason or note the event carries, if any
 * @param correlationId the message that caused this event (Axon's correlation id)
 * @param traceId       the first message of the chain that led here
 * @param hash          the event's link in the tamper-evident chain, when the store keeps one
 * @param previousHash  the previous event's link
 * @param photoHashes   SHA-256 of the photos the event carries
 */
public record HistoryEntry(
        long sequence,
        String eventId,
        String eventType,
        Instant serverTime,
        Instant deviceTime,
        String userId,
        String username,
        String role,
        String unit,
        String channel,
        String reason,
        String correlationId,
        String traceId,
        String hash,
        String previousHash,
        List<String> photoHashes,
        String descriptionZh,
        String descriptionEn) {

    /** The same entry naming who acted by their account name. */
    public HistoryEntry withUsername(String name) {
        return new HistoryEntry(sequence, eventId, eventType, serverTime, deviceTime, userId, name, role, unit, channel,
                reason, correlationId, traceId, hash, previousHash, photoHashes, descriptionZh, descriptionEn);
    }
}
