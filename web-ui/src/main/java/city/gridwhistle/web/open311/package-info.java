/**
 * Open311 GeoReport v2 under {@code /open311/v2}: discovery, the category catalogue as services, filing with a
 * partner API key, and the public face of cases as service requests, in JSON and XML.
 */
package city.gridwhistle.web.open311;
