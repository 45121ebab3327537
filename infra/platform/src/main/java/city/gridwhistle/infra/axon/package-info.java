/** Axon's mapping onto the Flyway-owned event-store and token tables. */
package city.gridwhistle.infra.axon;
