/**
 * What operators see: the application's own Prometheus meters (deadlines, Elasticsearch requests, database
 * availability) and the correlation ids that tie a request's log lines to the events it caused (docs/operations.md).
 */
package city.gridwhistle.web.observability;
