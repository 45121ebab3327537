package city.gridwhistle.web.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.Api;
import city.gridwhistle.api.rider.RegisterRiderCommand;
import city.gridwhistle.web.demo.DemoAccounts;
import java.security.SecureRandom;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A rider of one test, registered as a platform registers its riders: an account whose username is a phone number
 * (with the demo password, so that {@link Api#as} signs in as it), and a rider with a name, a phone and a handle.
 * Every value is drawn at random, so that no other test, demo file or earlier run holds it.
 */
record FreshRider(String riderId, String username, String phone, String name, String handle) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Riders have no door of their own over HTTP: the account comes from the administrators' API, the rider from
     * {@code RegisterRiderCommand}, as the demo seeder sends it.
     */
    static FreshRider register(Api api, CommandGateway commands, String districtCode) {
        FreshRider rider = new FreshRider("R" + digits(7), "139" + digits(8), "137" + digits(8), "欧阳" + cjk(3),
                "骑手" + cjk(2) + digits(4));
        ResponseEntity<String> account = api.as("admin").postForEntity("/api/admin/accounts", Map.of(
                "username", rider.username(), "password", DemoAccounts.PASSWORD, "role", "RIDER",
                "subjectId", rider.riderId(), "displayName", rider.handle(), "districtCode", districtCode),
                String.class);
        assertThat(account.getStatusCode()).as("%s", account.getBody()).isEqualTo(HttpStatus.CREATED);
        commands.sendAndWait(new RegisterRiderCommand(rider.riderId(), rider.handle(), "美团", districtCode,
                rider.name(), rider.phone()));
        return rider;
    }

    static String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.toString();
    }

    /** Characters of the common CJK block, at random. */
    static String cjk(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.appendCodePoint(0x4E00 + RANDOM.nextInt(0x9FA5 - 0x4E00));
        }
        return text.toString();
    }
}
