package city.gridwhistle.web.riders;

import city.gridwhistle.api.rider.FindLeaderboardQuery;
import city.gridwhistle.api.rider.Leaderboard;
import city.gridwhistle.api.rider.SetLeaderboardNameCommand;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.web.RequestValues;
import city.gridwhistle.web.problem.InvalidParameterException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The riders' leaderboard per district and month, and a rider's choice to appear on it. */
@RestController
class LeaderboardController {

    record LeaderboardName(@Size(max = SetLeaderboardNameCommand.MAX_LENGTH,
            message = "a display name has at most " + SetLeaderboardNameCommand.MAX_LENGTH + " characters") String displayName) {
    }

    private final CommandGateway commands;
    private final QueryGateway queries;

    LeaderboardController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** @param month {@code 2026-11}; by default this month in the city's time zone */
    @GetMapping("/api/leaderboard")
    Leaderboard leaderboard(@RequestParam String district, @RequestParam(required = false) String month,
                            @RequestParam(defaultValue = "10") int limit) {
        if (!district.matches("\\d{6}")) {
            throw new InvalidParameterException("district", "a district is a 6-digit county code");
        }
        if (limit < 1 || limit > FindLeaderboardQuery.MAX_LIMIT) {
            throw new InvalidParameterException("limit", "1.." + FindLeaderboardQuery.MAX_LIMIT);
        }
        YearMonth period;
        try {
            period = month == null ? YearMonth.from(LocalDate.now(RequestValues.CITY)) : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException("month", "expected a month like 2026-11");
        }
        return queries.query(new FindLeaderboardQuery(district, period, limit), Leaderboard.class).join();
    }

    /** Appear on the leaderboard under this name; an empty or absent name opts out. */
    @PutMapping("/api/riders/me/leaderboard-name")
    ResponseEntity<Void> name(@Valid @RequestBody LeaderboardName body, Actor rider) {
        String name = body.displayName() == null || body.displayName().isBlank() ? null : body.displayName().trim();
        commands.sendAndWait(new SetLeaderboardNameCommand(rider.id(), name, rider));
        return ResponseEntity.noContent().build();
    }
}
