package city.gridwhistle.web.security;

import city.gridwhistle.api.shared.Role;
import city.gridwhistle.web.problem.InvalidParameterException;
import city.gridwhistle.web.problem.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators manage accounts and partners' API keys. */
@RestController
@RequestMapping("/api/admin")
class AdminController {

    record NewAccount(
            @NotBlank @Pattern(regexp = "[a-z0-9._-]{3,64}", message = "3..64 of a-z 0-9 . _ -") String username,
            @NotBlank @Size(min = 12, max = 200, message = "a password has 12..200 characters") String password,
            @NotNull(message = "a role is required") Role role,
            @NotBlank @Size(max = 64) String subjectId,
            @NotBlank @Size(max = 100) String displayName,
            @Pattern(regexp = "\\d{6}", message = "a district is a 6-digit county code") String districtCode) {

        @Override
        public String toString() {
            return "NewAccount[" + username + ", " + role + "]";
        }
    }

    record AccountView(String username, Role role, String subjectId, String displayName, String districtCode,
                       boolean enabled, boolean locked) {
    }

    record NewApiKey(@NotBlank @Size(max = 100) String partner) {
    }

    private final Accounts accounts;
    private final ApiKeys apiKeys;
    private final PasswordEncoder passwords;

    AdminController(Accounts accounts, ApiKeys apiKeys, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.apiKeys = apiKeys;
        this.passwords = passwords;
    }

    @GetMapping("/accounts")
    List<AccountView> accounts() {
        return accounts.all().stream().map(a -> new AccountView(a.username(), a.role(), a.subjectId(), a.displayName(),
                a.districtCode(), a.enabled(), a.lockedAt(accounts.now()))).toList();
    }

    @PostMapping("/accounts")
    ResponseEntity<Void> create(@Valid @RequestBody NewAccount account) {
        if (account.role() == Role.SYSTEM || account.role() == Role.PARTNER) {
            throw new InvalidParameterException("role", "partners use API keys; SYSTEM is not a person");
        }
        if (!accounts.create(account.username(), passwords.encode(account.password()), account.role(),
                account.subjectId(), account.displayName(), account.districtCode())) {
            throw new InvalidParameterException("username", "the username, or an account for this subject, exists");
        }
        return ResponseEntity.created(URI.create("/api/admin/accounts/" + account.username())).build();
    }

    @PostMapping("/accounts/{username}/disable")
    ResponseEntity<Void> disable(@PathVariable String username) {
        return done(accounts.setEnabled(username, false), "no account " + username);
    }

    @PostMapping("/accounts/{username}/enable")
    ResponseEntity<Void> enable(@PathVariable String username) {
        return done(accounts.setEnabled(username, true), "no account " + username);
    }

    @GetMapping("/api-keys")
    List<ApiKeys.Listed> keys() {
        return apiKeys.all();
    }

    /** The key is shown in this answer only; afterwards only its id is known. */
    @PostMapping("/api-keys")
    ResponseEntity<ApiKeys.Created> createKey(@Valid @RequestBody NewApiKey key, @AuthenticationPrincipal GridUser admin) {
        ApiKeys.Created created = apiKeys.create(key.partner(), admin.username());
        return ResponseEntity.created(URI.create("/api/admin/api-keys/" + created.keyId())).body(created);
    }

    @DeleteMapping("/api-keys/{keyId}")
    ResponseEntity<Void> revoke(@PathVariable String keyId) {
        return done(apiKeys.revoke(keyId), "no API key " + keyId);
    }

    /** 204, or 404 as a problem detail like every other error (an empty 404 tells a client nothing). */
    private static ResponseEntity<Void> done(boolean found, String otherwise) {
        if (!found) {
            throw new NotFoundException(otherwise);
        }
        return ResponseEntity.noContent().build();
    }
}
