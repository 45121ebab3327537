/**
 * Case histories for audits, read straight from the event store rather than the search index: every event with
 * who, when, why and a description in Chinese and English; a case's state as of any instant and what changed
 * between two; and the log of who looked.
 */
package city.gridwhistle.query.history;
