/**
 * The rider-station directory (暖"新"驿站): the {@code stations} index written by {@link
 * city.gridwhistle.query.station.StationDirectoryProjection} (external version = the station's event sequence), and
 * {@link city.gridwhistle.query.station.StationDirectoryQueries}: nearest stations, by service and open at an
 * instant ({@link city.gridwhistle.query.station.OpeningHours}, city time), by id, within a bounding box.
 */
package city.gridwhistle.query.station;
