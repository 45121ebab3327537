package city.gridwhistle.infra.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash of one event in its aggregate's chain: SHA-256 over the previous event's hash and everything stored
 * for the event (aggregate, sequence, event id, timestamp, payload type and revision, the payload's bytes, and
 * the metadata without the chain's own keys, as canonical JSON with sorted keys). Any change to a stored byte,
 * a missing or reordered event, changes a hash.
 */
public final class EventChain {

    public static final String HASH = "gw.hash";
    public static final String PREVIOUS = "gw.prevHash";
    /** The "previous hash" of an aggregate's first event. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final HexFormat HEX = HexFormat.of();

    private EventChain() {
    }

    public static String hash(String previous, String aggregateId, long sequence, String eventId, String timestamp,
                              String payloadType, String payloadRevision, byte[] payload, Map<String, ?> metadata) {
        String content = String.join("\n", previous, aggregateId, Long.toString(sequence), eventId, timestamp,
                payloadType, payloadRevision == null ? "" : payloadRevision, sha256(payload), canonical(metadata));
        return sha256(content.getBytes(StandardCharsets.UTF_8));
    }

    /** The metadata as sorted JSON, without the chain's keys (they are what is being computed). */
    public static String canonical(Map<String, ?> metadata) {
        Map<String, Object> sorted = new TreeMap<>(metadata);
        sorted.remove(HASH);
        sorted.remove(PREVIOUS);
        try {
            return CANONICAL.writeValueAsString(sorted);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String left, String right) {
        return sha256((left + right).getBytes(StandardCharsets.US_ASCII));
    }
}
