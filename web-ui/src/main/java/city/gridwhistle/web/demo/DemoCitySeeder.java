package city.gridwhistle.web.demo;

import city.gridwhistle.api.grid.EnrollGridWorkerCommand;
import city.gridwhistle.api.grid.StartDutyCommand;
import city.gridwhistle.api.rider.RegisterRiderCommand;
import city.gridwhistle.api.rider.RegisterStationCommand;
import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.GeoPoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Loads the demo city from {@code gridwhistle/demo/} at the first start: grid cells, grid workers (and puts the
 * on-duty ones on duty), riders and rider stations, all as commands, so the demo lives in the event store like
 * everything else. Runs once per installation; a half-finished run is completed on the next start.
 */
@Component
@ConditionalOnProperty(name = "gridwhistle.demo.enabled", havingValue = "true")
class DemoCitySeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCitySeeder.class);
    private static final String SEED_NAME = "demo-city";
    private static final String FOLDER = "gridwhistle/demo/";

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final PasswordEncoder passwords;

    DemoCitySeeder(CommandGateway commands, JdbcTemplate jdbc, ObjectMapper json, PasswordEncoder passwords) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.json = json;
        this.passwords = passwords;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (alreadySeeded()) {
            return;
        }
        long started = System.nanoTime();
        var cells = GridGeoJson.cells(read("grids.geojson"));
        cells.forEach(this::sendOnce);
        int workers = 0;
        for (JsonNode worker : read("workers.json")) {
            Set<String> workerCells = new HashSet<>();
            worker.path("cells").forEach(cell -> workerCells.add(cell.asText()));
            sendOnce(new EnrollGridWorkerCommand(worker.path("id").asText(), worker.path("name").asText(), workerCells));
            if (worker.path("onDuty").asBoolean()) {
                commands.sendAndWait(new StartDutyCommand(worker.path("id").asText(), Actor.SYSTEM));
            }
            workers++;
        }
        int riders = 0;
        for (JsonNode rider : read("riders.json")) {
            // name and phone are personal data: the registration keeps them out of the event store
            sendOnce(new RegisterRiderCommand(rider.path("id").asText(), rider.path("handle").asText(),
                    rider.path("platform").asText(), rider.path("districtCode").asText(),
                    rider.path("name").asText(), rider.path("phone").asText()));
            riders++;
        }
        int stations = 0;
        for (JsonNode station : read("stations.json")) {
            Set<String> services = new HashSet<>();
            station.path("services").forEach(service -> services.add(service.asText()));
            sendOnce(new RegisterStationCommand(station.path("id").asText(), station.path("name").asText(),
                    station.path("address").asText(),
                    new GeoPoint(station.path("lat").asDouble(), station.path("lon").asDouble()), services,
                    time(station.path("opens").asText()), time(station.path("closes").asText()),
                    station.path("operator").asText(), Actor.SYSTEM));
            stations++;
        }
        int accounts = createAccounts();
        jdbc.update("insert into demo_seed (name) values (?) on conflict do nothing", SEED_NAME);
        log.info("Demo city loaded: {} grid cells, {} grid workers, {} riders, {} stations, {} accounts in {} ms",
                cells.size(), workers, riders, stations, accounts, (System.nanoTime() - started) / 1_000_000);
    }

    /** One hash for the shared demo password: hashing it per account would cost seconds at every first start. */
    private int createAccounts() {
        String hash = passwords.encode(DemoAccounts.PASSWORD);
        int created = 0;
        for (JsonNode rider : read("riders.json")) {
            created += account(rider.path("id").asText(), "RIDER", rider.path("handle").asText(), null, hash);
        }
        for (JsonNode worker : read("workers.json")) {
            created += account(worker.path("id").asText(), "GRID_WORKER", worker.path("name").asText(), null, hash);
        }
        for (DemoAccounts.Staff staff : DemoAccounts.STAFF) {
            created += jdbc.update("""
                    insert into account (username, password_hash, role, subject_id, display_name, district_code)
                    values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                    staff.username(), hash, staff.role(), staff.subjectId(), staff.displayName(), staff.districtCode());
        }
        return created;
    }

    private int account(String subjectId, String role, String displayName, String district, String hash) {
        return jdbc.update("""
                insert into account (username, password_hash, role, subject_id, display_name, district_code)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                subjectId.toLowerCase(java.util.Locale.ROOT), hash, role, subjectId, displayName, district);
    }

    private boolean alreadySeeded() {
        Integer count = jdbc.queryForObject("select count(*) from demo_seed where name = ?", Integer.class, SEED_NAME);
        return count != null && count > 0;
    }

    /** Creating what a previous, interrupted run already created is fine: it is there. */
    private void sendOnce(Object creation) {
        try {
            commands.sendAndWait(creation);
        } catch (AggregateStreamCreationException alreadyThere) {
            log.debug("Demo entity already present: {}", creation);
        }
    }

    /** "24:00" closes at midnight; a station open 00:00–24:00 is open around the clock (opens == closes). */
    private static LocalTime time(String text) {
        return "24:00".equals(text) ? LocalTime.MIDNIGHT : LocalTime.parse(text);
    }

    private JsonNode read(String file) {
        try (InputStream in = new ClassPathResource(FOLDER + file).getInputStream()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo file " + file, e);
        }
    }
}
