package city.gridwhistle.infra.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Appends events with their place in the aggregate's hash chain: each domain event's metadata gains
 * {@link EventChain#HASH} and {@link EventChain#PREVIOUS}. The previous hash comes from the same batch or from the
 * stored previous event, read in the appending transaction; the unique (aggregate, sequence) index guarantees
 * that two writers can never fork a chain. Reading is untouched.
 */
public class ChainingEventStorageEngine implements EventStorageEngine {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventStorageEngine delegate;
    private final Serializer eventSerializer;
    private final JdbcTemplate jdbc;

    public ChainingEventStorageEngine(EventStorageEngine delegate, Serializer eventSerializer, JdbcTemplate jdbc) {
        this.delegate = delegate;
        this.eventSerializer = eventSerializer;
        this.jdbc = jdbc;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        Map<String, String> lastHash = new HashMap<>();
        List<EventMessage<?>> chained = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domainEvent) {
                String previous = lastHash.computeIfAbsent(domainEvent.getAggregateIdentifier(),
                        id -> storedHash(id, domainEvent.getSequenceNumber() - 1));
                String hash = hashOf(domainEvent, previous);
                lastHash.put(domainEvent.getAggregateIdentifier(), hash);
                chained.add(domainEvent.andMetaData(Map.of(EventChain.HASH, hash, EventChain.PREVIOUS, previous)));
            } else {
                chained.add(event);
            }
        }
        delegate.appendEvents(chained);
    }

    private String hashOf(DomainEventMessage<?> event, String previous) {
        SerializedObject<byte[]> payload = event.serializePayload(eventSerializer, byte[].class);
        SerializedObject<byte[]> metadata = event.serializeMetaData(eventSerializer, byte[].class);
        return EventChain.hash(previous, event.getAggregateIdentifier(), event.getSequenceNumber(),
                event.getIdentifier(), DateTimeUtils.formatInstant(event.getTimestamp()), payload.getType().getName(),
                payload.getType().getRevision(), payload.getData(), asMap(metadata.getData()));
    }

    /** The stored hash of the aggregate's event at the sequence, or the genesis value before the first. */
    private String storedHash(String aggregateId, long sequence) {
        if (sequence < 0) {
            return EventChain.GENESIS;
        }
        List<byte[]> metadata = jdbc.query(
                "select meta_data from domain_event_entry where aggregate_identifier = ? and sequence_number = ?",
                (rs, n) -> rs.getBytes(1), aggregateId, sequence);
        if (metadata.isEmpty()) {
            // the previous event is unknown (a snapshot-only history, or a hole): start a new chain, visibly
            return EventChain.GENESIS;
        }
        Object hash = asMap(metadata.getFirst()).get(EventChain.HASH);
        return hash == null ? EventChain.GENESIS : hash.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(byte[] json) {
        if (json == null || json.length == 0) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable event metadata", e);
        }
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    /** The engine that stores and reads. */
    EventStorageEngine delegate() {
        return delegate;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return delegate.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
