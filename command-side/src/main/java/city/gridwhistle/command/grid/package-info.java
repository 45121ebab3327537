/** Grid cell and grid worker aggregates: cells with their boundaries, workers with their cells and duty. */
package city.gridwhistle.command.grid;
