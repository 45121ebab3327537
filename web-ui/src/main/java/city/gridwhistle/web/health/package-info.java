/** Health beyond the servers: how far each event processor lags behind the event store. */
package city.gridwhistle.web.health;
