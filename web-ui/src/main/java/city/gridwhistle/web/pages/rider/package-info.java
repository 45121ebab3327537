/**
 * The rider's pages, made for a phone: file a report in seconds (kept on the phone and sent when the network
 * returns), follow nearby cases instead of reporting them again, my reports, my inbox, my points, the nearest
 * rider stations.
 */
package city.gridwhistle.web.pages.rider;
