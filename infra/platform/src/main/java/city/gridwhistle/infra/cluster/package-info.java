/**
 * Several application instances on one PostgreSQL: who is alive (a heartbeat table) and a fair share of the
 * streaming processors' segments for each.
 */
package city.gridwhistle.infra.cluster;
