/**
 * The embedded Elasticsearch: a real node in a child JVM, started from the jars shipped under
 * {@code es-node/lib/} on the classpath, which dies with this JVM.
 */
package city.gridwhistle.infra.elasticsearch;
