/**
 * An embedded PostgreSQL server whose data survives restarts, for the default run and the tests; the order in which
 * the migrations apply.
 */
package city.gridwhistle.infra.postgres;
