/**
 * Reporters' personal data: name and phone kept outside the events, the handle and leaderboard name sealed in them,
 * all under a key of each person's own (infra.privacy; itself wrapped by a master key outside the database); shown
 * only to a supervisor through a request recorded on the case, and erased on request by destroying the key.
 */
package city.gridwhistle.command.identity;
