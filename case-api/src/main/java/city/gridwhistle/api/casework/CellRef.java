package city.gridwhistle.api.casework;

/** Where a case lies in the administrative hierarchy: district, street, community and grid cell. */
public record CellRef(
        String cellCode,
        String cellName,
        String districtCode,
        String district,
        String streetCode,
        String street,
        String communityCode,
        String community) {
}
