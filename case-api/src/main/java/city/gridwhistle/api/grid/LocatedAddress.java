package city.gridwhistle.api.grid;

import city.gridwhistle.api.shared.GeoPoint;

/**
 * The answer to a {@link LocateAddressQuery}.
 *
 * @param matched the cell or community name found in the text
 * @param cell    true when a grid cell was named, false when only a community was
 * @param point   a point inside the named cell (its centre) or community (inside one of its cells, nearest the
 *                community's centre)
 */
public record LocatedAddress(String matched, boolean cell, GeoPoint point) {
}
