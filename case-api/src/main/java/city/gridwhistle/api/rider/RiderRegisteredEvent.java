package city.gridwhistle.api.rider;

public record RiderRegisteredEvent(String riderId, String handle, String platform, String districtCode) {
}
