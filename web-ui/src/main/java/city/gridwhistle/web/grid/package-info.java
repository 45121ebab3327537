/** Administrators' grid: cells uploaded as GeoJSON, grid workers enrolled and given their cells. */
package city.gridwhistle.web.grid;
