/**
 * The benchmark suite of docs/benchmarks.md: raw limits of the machine's PostgreSQL and Elasticsearch (L1–L4),
 * then the system figures (S1–S7) measured against the running application over HTTP, and the report.
 */
package city.gridwhistle.bench;
