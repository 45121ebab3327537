/** An embedded PostgreSQL server whose data survives restarts, for the default run and the tests. */
package city.gridwhistle.infra.postgres;
