/** What runs around the domain code: embedded servers, the event-store schema and Axon's view of it. */
package city.gridwhistle.infra;
