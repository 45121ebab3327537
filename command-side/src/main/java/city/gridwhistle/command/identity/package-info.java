/**
 * Reporters' personal data (name, phone): kept outside the events, sealed under a key of each person's own (itself
 * wrapped by a master key outside the database), shown only to a supervisor through a request recorded on the case,
 * and erased on request by destroying the key.
 */
package city.gridwhistle.command.identity;
