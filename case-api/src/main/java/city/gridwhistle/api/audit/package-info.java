/**
 * Auditing a case: its history read straight from the event store, its state as of any past instant and the
 * difference between two, and the record of who looked at a history.
 */
package city.gridwhistle.api.audit;
