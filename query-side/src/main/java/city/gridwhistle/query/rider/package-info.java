/** Riders' points ledgers, read straight from each rider's event stream. */
package city.gridwhistle.query.rider;
