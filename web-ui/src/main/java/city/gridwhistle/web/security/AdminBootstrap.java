package city.gridwhistle.web.security;

import city.gridwhistle.api.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * There are no default credentials: on external servers the first administrator is created only when
 * {@code GRIDWHISTLE_SECURITY_ADMIN_PASSWORD} is set and no administrator exists yet.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final int MIN_LENGTH = 12;

    private final Accounts accounts;
    private final SecuritySettings settings;
    private final PasswordEncoder passwords;

    AdminBootstrap(Accounts accounts, SecuritySettings settings, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.settings = settings;
        this.passwords = passwords;
    }

    @Override
    public void run(ApplicationArguments args) {
        String password = settings.adminPassword();
        if (password == null || password.isBlank() || accounts.anyWithRole(Role.ADMIN)) {
            return;
        }
        if (password.length() < MIN_LENGTH) {
            throw new IllegalStateException("the bootstrap administrator password needs " + MIN_LENGTH + "+ characters");
        }
        accounts.create("admin", passwords.encode(password), Role.ADMIN, "A001", "Administrator", null);
        log.info("Created the administrator account 'admin'");
    }
}
