/**
 * Reporters' personal data (name, phone): kept outside the events, written when a rider registers, and shown
 * only to a supervisor through a request that is itself recorded on the case.
 */
package city.gridwhistle.command.identity;
