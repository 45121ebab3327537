package city.gridwhistle.infra.audit;

import java.util.OptionalLong;

/**
 * Something outside the event store that folded an aggregate's events in and remembers how far it got, such as a
 * read model that keeps the sequence number of the last event it applied. If it has seen a sequence number the
 * store no longer holds, that event was deleted: a chain whose tail was cut is still a valid chain, so the chain
 * alone cannot tell.
 */
public interface SequenceWitness {

    /** How a report names this witness, e.g. "the case index". */
    String name();

    /** The highest sequence number of the aggregate's events folded in; empty when it knows nothing of it. */
    OptionalLong lastSequenceSeen(String aggregateId);
}
