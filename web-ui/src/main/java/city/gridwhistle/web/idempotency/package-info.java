/**
 * {@code Idempotency-Key} on the API's creating POSTs: a retried request (same caller, key and body) gets the first
 * answer again instead of creating twice; the keys and answers are kept in PostgreSQL for 24 hours.
 */
package city.gridwhistle.web.idempotency;
