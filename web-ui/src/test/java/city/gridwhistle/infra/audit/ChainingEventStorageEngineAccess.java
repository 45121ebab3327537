package city.gridwhistle.infra.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/** Test access to how stored rows are read, for a test that plays the forger. */
public final class ChainingEventStorageEngineAccess {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChainingEventStorageEngineAccess() {
    }

    public static EventStorageEngine delegateOf(EventStorageEngine engine) {
        return ((ChainingEventStorageEngine) engine).delegate();
    }

    public static Map<String, Object> metadata(Map<String, Object> row) {
        return new LinkedHashMap<>(ChainingEventStorageEngine.asMap((byte[]) row.get("meta_data")));
    }

    public static String hashOf(Map<String, Object> row) {
        return String.valueOf(metadata(row).get(EventChain.HASH));
    }

    public static byte[] json(Map<String, Object> metadata) {
        try {
            return JSON.writeValueAsBytes(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
