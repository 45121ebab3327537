/** Rider and rider-station aggregates. */
package city.gridwhistle.command.rider;
