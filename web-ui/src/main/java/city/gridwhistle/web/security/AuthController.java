package city.gridwhistle.web.security;

import city.gridwhistle.web.PlainText;
import city.gridwhistle.web.problem.InvalidParameterException;
import city.gridwhistle.web.problem.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in for apps and API clients: a password buys an expiring bearer token; sign-out revokes it. Everyone with
 * an account changes their own password here, and lists and revokes their own tokens.
 */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    record Credentials(@NotBlank(message = "a username is required") @Size(max = 64) @PlainText String username,
                       @NotBlank(message = "a password is required") @Size(max = 200) String password) {

        @Override
        public String toString() {
            return "Credentials[" + username + "]";
        }
    }

    record PasswordChange(@NotNull(message = "the current password is required") @Size(max = 200)
                          String currentPassword,
                          @NotNull(message = "a new password is required") String newPassword) {

        @Override
        public String toString() {
            return "PasswordChange";
        }
    }

    private static final String BEARER = "Bearer ";

    private final AuthenticationManager authentication;
    private final AccessTokens tokens;
    private final Passwords passwords;

    AuthController(AuthenticationManager authentication, AccessTokens tokens, Passwords passwords) {
        this.authentication = authentication;
        this.tokens = tokens;
        this.passwords = passwords;
    }

    @PostMapping("/token")
    AccessTokens.Issued token(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
        Authentication signedIn = signIn(authentication, credentials.username(), credentials.password(), request);
        var user = (GridUser) signedIn.getPrincipal();
        return tokens.issue(user.username(), ((SignedIn) signedIn.getDetails()).accessVersion());
    }

    /** A password sign-in, throttled by the caller's address; its details are the {@link SignedIn}. */
    static Authentication signIn(AuthenticationManager authentication, String username, String password,
                                 HttpServletRequest request) {
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        attempt.setDetails(new WebAuthenticationDetails(request));
        return authentication.authenticate(attempt);
    }

    /** Revokes the bearer token of the call; partners' API keys are revoked by an administrator instead. */
    @PostMapping("/logout")
    ResponseEntity<Void> logout(@RequestHeader(name = "Authorization", required = false) String authorization) {
        if (authorization == null || !authorization.startsWith(BEARER)) {
            throw new InvalidParameterException("Authorization",
                    "only a bearer token signs out; an administrator revokes API keys");
        }
        tokens.revoke(authorization.substring(BEARER.length()).trim());
        return ResponseEntity.noContent().build();
    }

    /** Who the caller is: username, role, the identity they act as and their unit. */
    @GetMapping("/me")
    GridUser me(@AuthenticationPrincipal GridUser user) {
        return user;
    }

    /**
     * The caller's own password. Every other session and token of the account ends; the caller's own goes on. The
     * only call an account whose password was reset may make (besides signing out).
     */
    @PostMapping("/password")
    ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange change, @AuthenticationPrincipal GridUser user,
                                        HttpServletRequest request,
                                        @RequestHeader(name = "Authorization", required = false) String authorization) {
        String ownToken = bearer(authorization);
        long version = passwords.change(user.username(), request.getRemoteAddr(), change.currentPassword(),
                change.newPassword(), ownToken == null ? null : Secrets.sha256(ownToken));
        if (ownToken == null) {
            Passwords.keepThisSession(request, version);
        }
        return ResponseEntity.noContent().build();
    }

    /** The caller's tokens that still work; never a secret. */
    @GetMapping("/tokens")
    List<AccessTokens.Listed> tokens(@AuthenticationPrincipal GridUser user,
                                     @RequestHeader(name = "Authorization", required = false) String authorization) {
        String own = bearer(authorization);
        return tokens.listOf(user.username(), own == null ? null : Secrets.sha256(own));
    }

    /** Revokes one of the caller's own tokens; another's, or none, answers 404 alike. */
    @DeleteMapping("/tokens/{tokenId}")
    ResponseEntity<Void> revokeToken(@PathVariable String tokenId, @AuthenticationPrincipal GridUser user) {
        if (!tokens.revokeOwn(user.username(), tokenId)) {
            throw new NotFoundException("you have no such token");
        }
        return ResponseEntity.noContent().build();
    }

    /** Revokes every token of the caller's but the one of this call: signing out everywhere else. */
    @DeleteMapping("/tokens")
    ResponseEntity<Void> revokeOtherTokens(@AuthenticationPrincipal GridUser user,
                                           @RequestHeader(name = "Authorization", required = false)
                                           String authorization) {
        String own = bearer(authorization);
        String ownHash = own == null ? null : Secrets.sha256(own);
        tokens.listOf(user.username(), ownHash).stream().filter(token -> !token.current())
                .forEach(token -> tokens.revokeOwn(user.username(), token.tokenId()));
        return ResponseEntity.noContent().build();
    }

    private static String bearer(String authorization) {
        return authorization != null && authorization.startsWith(BEARER)
                ? authorization.substring(BEARER.length()).trim() : null;
    }
}
