/**
 * Routing: which grid cell contains a point and which on-duty worker of that cell gets the case. Reads the
 * command-side grid tables, never the search index.
 */
package city.gridwhistle.command.routing;
