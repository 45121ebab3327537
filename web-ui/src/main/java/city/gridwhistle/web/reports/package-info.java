/** Filing hazard reports over HTTP: {@code POST /api/reports}, as JSON or multipart with photos. */
package city.gridwhistle.web.reports;
