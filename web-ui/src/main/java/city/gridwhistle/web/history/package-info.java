/**
 * Case histories for audits over HTTP: the timeline (JSON, CSV, PDF), the state as of an instant, the diff between
 * two, and who looked; every look is recorded before the answer leaves.
 */
package city.gridwhistle.web.history;
