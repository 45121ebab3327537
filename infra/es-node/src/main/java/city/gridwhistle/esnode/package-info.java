/**
 * The embedded Elasticsearch node: a child JVM that runs a real node from Maven Central jars, with the plugins
 * the distribution would bring as modules (netty transport, the root endpoint, CJK analysis) loaded from the
 * classpath.
 */
package city.gridwhistle.esnode;
