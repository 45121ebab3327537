package city.gridwhistle.web.security;

import city.gridwhistle.api.shared.Role;
import city.gridwhistle.web.problem.InvalidParameterException;
import city.gridwhistle.web.problem.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.http.CacheControl;
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

/** Administrators manage accounts (creating, disabling, resetting passwords) and partners' API keys. */
@RestController
@RequestMapping("/api/admin")
class AdminController {

    record NewAccount(
            @NotBlank @Pattern(regexp = "[a-z0-9._-]{3,64}", message = "3..64 of a-z 0-9 . _ -") String username,
            @NotNull(message = "a password is required") String password,
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
                       boolean enabled, boolean mustChangePassword) {
    }

    /** A partner's key; {@code validDays} (optional) shortens or lengthens its life up to the longest allowed. */
    record NewApiKey(@NotBlank @Size(max = 100) String partner,
                     @Positive(message = "a key is valid for at least one day") Integer validDays) {
    }

    private final Accounts accounts;
    private final ApiKeys apiKeys;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final Passwords passwordChanges;
    private final ApiKeySettings keySettings;
    private final AccessTokens tokens;
    private final DeviceSessions devices;

    AdminController(Accounts accounts, ApiKeys apiKeys, PasswordEncoder passwords, PasswordPolicy policy,
                    Passwords passwordChanges, ApiKeySettings keySettings, AccessTokens tokens,
                    DeviceSessions devices) {
        this.tokens = tokens;
        this.devices = devices;
        this.accounts = accounts;
        this.apiKeys = apiKeys;
        this.passwords = passwords;
        this.policy = policy;
        this.passwordChanges = passwordChanges;
        this.keySettings = keySettings;
    }

    @GetMapping("/accounts")
    List<AccountView> accounts() {
        return accounts.all().stream().map(a -> new AccountView(a.username(), a.role(), a.subjectId(), a.displayName(),
                a.districtCode(), a.enabled(), a.mustChangePassword())).toList();
    }

    @PostMapping("/accounts")
    ResponseEntity<Void> create(@Valid @RequestBody NewAccount account) {
        if (account.role() == Role.SYSTEM || account.role() == Role.PARTNER) {
            throw new InvalidParameterException("role", "partners use API keys; SYSTEM is not a person");
        }
        policy.check("password", account.username(), account.password());
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

    /**
     * A one-time temporary password, shown in this answer only. The account's sessions and tokens end, and until
     * its owner chooses a new password they may do nothing else.
     */
    @PostMapping("/accounts/{username}/password-reset")
    ResponseEntity<Passwords.Reset> resetPassword(@PathVariable String username) {
        return passwordChanges.reset(username)
                .map(reset -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(reset))
                .orElseThrow(() -> new NotFoundException("no such account"));
    }

    /** The account's bearer tokens that still work (never a secret), oldest first. */
    @GetMapping("/accounts/{username}/tokens")
    List<AccessTokens.Listed> tokensOf(@PathVariable String username) {
        if (accounts.find(username).isEmpty()) {
            throw new NotFoundException("no such account");
        }
        return tokens.listOf(username, null);
    }

    /** Ends every bearer token of the account at once; its page sessions go on (disable the account to end them). */
    @DeleteMapping("/accounts/{username}/tokens")
    ResponseEntity<Void> endTokensOf(@PathVariable String username) {
        if (accounts.find(username).isEmpty()) {
            throw new NotFoundException("no such account");
        }
        tokens.endAllOf(username);
        return ResponseEntity.noContent().build();
    }

    /** The account's devices that stay signed in (a rider's), most recently used first. */
    @GetMapping("/accounts/{username}/devices")
    List<DeviceSessions.Listed> devicesOf(@PathVariable String username) {
        if (accounts.find(username).isEmpty()) {
            throw new NotFoundException("no such account");
        }
        return devices.listOf(username);
    }

    /** Signs one of the account's devices out, with the bearer tokens it bought. */
    @DeleteMapping("/accounts/{username}/devices/{deviceId}")
    ResponseEntity<Void> revokeDevice(@PathVariable String username, @PathVariable String deviceId) {
        if (!devices.revoke(username, deviceId)) {
            throw new NotFoundException("the account has no such device");
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api-keys")
    List<ApiKeys.Listed> keys() {
        return apiKeys.all();
    }

    /** The key is shown in this answer only; afterwards only its id is known. */
    @PostMapping("/api-keys")
    ResponseEntity<ApiKeys.Created> createKey(@Valid @RequestBody NewApiKey key, @AuthenticationPrincipal GridUser admin) {
        Duration validFor = key.validDays() == null ? keySettings.ttl() : Duration.ofDays(key.validDays());
        if (validFor.compareTo(keySettings.maxTtl()) > 0) {
            throw new InvalidParameterException("validDays",
                    "a key is valid for at most " + keySettings.maxTtl().toDays() + " days");
        }
        ApiKeys.Created created = apiKeys.create(key.partner(), admin.username(), validFor);
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
