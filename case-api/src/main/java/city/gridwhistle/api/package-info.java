/**
 * The published language of GridWhistle: commands, events, queries and responses as immutable records,
 * subpackaged by area. Nothing here knows Spring or persistence.
 */
package city.gridwhistle.api;
