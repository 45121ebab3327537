/** Riders, the city's mobile probes, and the rider stations (暖"新"驿站) that serve them. */
package city.gridwhistle.api.rider;
