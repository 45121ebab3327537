/** Loads the demo city (grids, workers, riders, stations) through commands at the first start. */
package city.gridwhistle.web.demo;
