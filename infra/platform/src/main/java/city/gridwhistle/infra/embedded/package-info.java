/**
 * Starts the embedded PostgreSQL and Elasticsearch before the application context when no external servers are
 * configured, points Spring at them, and stops them with the last context that uses them.
 */
package city.gridwhistle.infra.embedded;
