package city.gridwhistle.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridwhistle.web.demo.DemoAccounts;
import city.gridwhistle.web.security.Http.Credential;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Accounts made for one test through the administrators' API, never the demo accounts others rely on. */
final class TestAccounts {

    static final String PASSWORD = "correct horse battery staple";

    private final Http http;
    private final Credential admin;

    TestAccounts(Http http, Credential admin) {
        this.http = http;
        this.admin = admin;
    }

    /**
     * A fresh start for a test: no failed sign-in counted (every test calls from one address, and some fail on
     * purpose), the administrator signed in.
     */
    static TestAccounts signedInAdministrator(Http http, JdbcTemplate jdbc) {
        jdbc.update("delete from sign_in_throttle");
        return new TestAccounts(http, Credential.bearer(http.signIn("admin", DemoAccounts.PASSWORD)));
    }

    /** The administrator's bearer token. */
    Credential admin() {
        return admin;
    }

    /** A new rider account with {@link #PASSWORD}. */
    String rider() {
        return create("RIDER", null);
    }

    /** A new account of the role, with a district when one is given. */
    String create(String role, String districtCode) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String username = "sec-" + suffix;
        Map<String, String> account = new HashMap<>(Map.of("username", username, "password", PASSWORD, "role", role,
                "subjectId", role.charAt(0) + "SEC" + suffix, "displayName", "安全测试 " + suffix));
        if (districtCode != null) {
            account.put("districtCode", districtCode);
        }
        Http.Response created = http.post("/api/admin/accounts", admin, account);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return username;
    }
}
