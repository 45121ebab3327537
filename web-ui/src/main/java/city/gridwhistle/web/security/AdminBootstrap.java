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
 * {@code GRIDWHISTLE_SECURITY_ADMIN_PASSWORD} is set and no administrator that can sign in exists yet. When the
 * {@code admin} account exists but is disabled (as {@link DemoPasswordRefusal} leaves a demo administrator), it
 * gets the password and is enabled again.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String USERNAME = "admin";

    private final Accounts accounts;
    private final SecuritySettings settings;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;

    AdminBootstrap(Accounts accounts, SecuritySettings settings, PasswordEncoder passwords, PasswordPolicy policy) {
        this.accounts = accounts;
        this.settings = settings;
        this.passwords = passwords;
        this.policy = policy;
    }

    @Override
    public void run(ApplicationArguments args) {
        String password = settings.adminPassword();
        if (password == null || password.isBlank() || accounts.anyEnabledWithRole(Role.ADMIN)) {
            return;
        }
        try {
            policy.check("GRIDWHISTLE_SECURITY_ADMIN_PASSWORD", USERNAME, password);
        } catch (PasswordRejectedException e) {
            throw new IllegalStateException("the bootstrap administrator password is refused: " + e.getMessage(), e);
        }
        String hash = passwords.encode(password);
        if (accounts.find(USERNAME).filter(account -> account.role() == Role.ADMIN).isPresent()) {
            accounts.setPassword(USERNAME, hash, false);
            accounts.setEnabled(USERNAME, true);
            log.info("Gave the disabled administrator account 'admin' the bootstrap password and enabled it");
            return;
        }
        accounts.create(USERNAME, hash, Role.ADMIN, "A001", "Administrator", null);
        log.info("Created the administrator account 'admin'");
    }
}
