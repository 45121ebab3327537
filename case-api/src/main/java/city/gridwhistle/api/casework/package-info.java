/** The case's closed loop (register, dispatch, ...) and the queries that read cases back. */
package city.gridwhistle.api.casework;
