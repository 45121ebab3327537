/** Value objects shared by every area: points on the map, photos, category rules and time limits. */
package city.gridwhistle.api.shared;
