/** Operating the read models: rebuilding one from the event store, and following its progress. */
package city.gridwhistle.api.readmodel;
