/**
 * The web layer. Reaches the domain only through Axon's command and query gateways and the case-api types;
 * never through command-side or query-side classes.
 */
package city.gridwhistle.web;
