/**
 * Process-level tests: the packaged application ({@code web-ui/target/gridwhistle.jar}) runs as child processes
 * against one PostgreSQL and one Elasticsearch per test JVM, and is killed, doubled, backed up and restored.
 */
package city.gridwhistle.system;
