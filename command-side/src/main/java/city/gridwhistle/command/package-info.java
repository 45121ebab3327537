/**
 * The command side: aggregates that decide and emit events, the policies they follow (routing, categories) and
 * the lookup tables those policies read, kept consistent with the events in the same transaction.
 */
package city.gridwhistle.command;
