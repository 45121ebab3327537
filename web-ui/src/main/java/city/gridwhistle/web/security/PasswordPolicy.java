package city.gridwhistle.web.security;

import city.gridwhistle.web.demo.DemoAccounts;
import city.gridwhistle.web.demo.DemoData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a password must be, wherever one is chosen (a new account, a change, the bootstrap administrator): at least
 * {@value #MIN_LENGTH} characters and at most {@value #MAX_LENGTH}, not the account's name, not one of the
 * passwords guessers try first ({@code security/common-passwords.txt}), and not the demo password where the demo
 * city is not loaded. Passwords an administrator's reset generates are random and pass by construction.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;

    private final Set<String> common;
    private final boolean demo;

    @Autowired
    PasswordPolicy(Environment environment) {
        this(DemoData.enabled(environment));
    }

    PasswordPolicy(boolean demo) {
        this.demo = demo;
        this.common = load();
    }

    /**
     * Refuses the password for the account with {@link PasswordRejectedException} naming {@code field} and the
     * rule broken.
     */
    public void check(String field, String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new PasswordRejectedException(field, "too-short",
                    "a password needs at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw new PasswordRejectedException(field, "too-long",
                    "a password has at most " + MAX_LENGTH + " characters");
        }
        String folded = password.trim().toLowerCase(Locale.ROOT);
        if (username != null && folded.equals(username.trim().toLowerCase(Locale.ROOT))) {
            throw new PasswordRejectedException(field, "username", "a password must not be the username");
        }
        if (common.contains(folded) || folded.chars().distinct().count() == 1) {
            throw new PasswordRejectedException(field, "common",
                    "this password is among the first that guessers try; choose another");
        }
        if (!demo && password.equals(DemoAccounts.PASSWORD)) {
            throw new PasswordRejectedException(field, "demo",
                    "the demo password is published; it is allowed only where the demo city is loaded");
        }
    }

    private static Set<String> load() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new ClassPathResource("security/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            return lines.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the list of common passwords", e);
        }
    }
}
