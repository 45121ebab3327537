/** What the query side tells about grid workers themselves: their duty, read from their own event stream. */
package city.gridwhistle.query.workers;
