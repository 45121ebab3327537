/**
 * The rider-station directory (暖"新"驿站) over HTTP: any signed-in caller finds the nearest stations (by service,
 * open now or at an instant), one by id, or all in a map's bounding box; administrators register, update, close and
 * reopen stations.
 */
package city.gridwhistle.web.stations;
