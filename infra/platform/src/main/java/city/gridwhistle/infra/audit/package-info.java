/**
 * Tamper evidence for the event store: every event's metadata carries a hash chained to the previous event of
 * the same aggregate; checkpoints fix Merkle roots over everything appended; a verifier names the first event
 * that no longer matches.
 */
package city.gridwhistle.infra.audit;
