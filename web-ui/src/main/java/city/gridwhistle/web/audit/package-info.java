/** Tamper evidence over HTTP and the command line: verify the event store, close and export checkpoints. */
package city.gridwhistle.web.audit;
