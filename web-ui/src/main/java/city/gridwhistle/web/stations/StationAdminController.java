package city.gridwhistle.web.stations;

import city.gridwhistle.api.rider.CloseStationCommand;
import city.gridwhistle.api.rider.RegisterStationCommand;
import city.gridwhistle.api.rider.ReopenStationCommand;
import city.gridwhistle.api.rider.UpdateStationDetailsCommand;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.GeoPoint;
import city.gridwhistle.web.problem.InvalidParameterException;
import city.gridwhistle.web.problem.Problems;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators manage the station directory. Each change is a command sent as the signed-in caller; the station
 * aggregate refuses anyone but an administrator. Changes reach the directory's queries eventually.
 */
@RestController
@RequestMapping("/api/admin/stations")
class StationAdminController {

    private final CommandGateway commands;

    StationAdminController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<RegisteredStation> register(@Valid @RequestBody StationRequest station, Actor actor) {
        String stationId = station.stationId() != null ? station.stationId()
                : "S-" + UUID.randomUUID().toString().substring(0, 8);
        commands.sendAndWait(new RegisterStationCommand(stationId, station.name(), station.address(),
                location(station), services(station.services()), time("opens", station.opens()),
                time("closes", station.closes()), station.operator(), actor));
        return ResponseEntity.created(URI.create("/api/stations/" + stationId)).body(new RegisteredStation(stationId));
    }

    @PutMapping("/{stationId}")
    ResponseEntity<Void> update(@PathVariable String stationId, @Valid @RequestBody StationRequest station,
                                Actor actor) {
        if (station.stationId() != null && !station.stationId().equals(stationId)) {
            throw new InvalidParameterException("stationId", "the body names another station than the path");
        }
        commands.sendAndWait(new UpdateStationDetailsCommand(stationId, station.name(), station.address(),
                location(station), services(station.services()), time("opens", station.opens()),
                time("closes", station.closes()), station.operator(), actor));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{stationId}/close")
    ResponseEntity<Void> close(@PathVariable String stationId, @Valid @RequestBody CloseStationRequest request,
                               Actor actor) {
        commands.sendAndWait(new CloseStationCommand(stationId, request.reason(), actor));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{stationId}/reopen")
    ResponseEntity<Void> reopen(@PathVariable String stationId, Actor actor) {
        commands.sendAndWait(new ReopenStationCommand(stationId, actor));
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknownStation(AggregateNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "no such station");
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ProblemDetail duplicateStation(AggregateStreamCreationException e) {
        return Problems.of(HttpStatus.CONFLICT, "station-exists", "a station with this id is already registered");
    }

    private static GeoPoint location(StationRequest station) {
        return new GeoPoint(station.lat(), station.lon());
    }

    private static Set<String> services(List<String> codes) {
        return codes == null ? Set.of()
                : codes.stream().map(code -> code.strip().toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** {@code 24:00} is midnight at the end of the day: 00:00–24:00 is around the clock. */
    private static LocalTime time(String field, String text) {
        if ("24:00".equals(text)) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidParameterException(field, "a time of day as HH:mm");
        }
    }
}
