/**
 * Running through an outage of PostgreSQL or Elasticsearch: which backend a failure means, whether the database is
 * known to be down (probed until it returns), and 503 answers with {@code Retry-After} instead of 500s or hangs.
 */
package city.gridwhistle.web.outage;
