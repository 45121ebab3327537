/** Operating the read models: rebuilds from the event store, with their progress. */
package city.gridwhistle.web.admin;
