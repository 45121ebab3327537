/** Grid cells (单元网格) and the grid workers (网格员) on duty in them. */
package city.gridwhistle.api.grid;
