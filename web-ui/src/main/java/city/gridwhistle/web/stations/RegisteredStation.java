package city.gridwhistle.web.stations;

/** The answer to a registration: the station's id (also in the Location header). */
public record RegisteredStation(String stationId) {
}
