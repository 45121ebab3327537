/** Live updates across instances: what one instance projected, the others' subscribers hear of too. */
package city.gridwhistle.query.live;
