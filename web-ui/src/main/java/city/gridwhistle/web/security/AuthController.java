package city.gridwhistle.web.security;

import city.gridwhistle.web.PlainText;
import city.gridwhistle.web.problem.InvalidParameterException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in for apps and API clients: a password buys an expiring bearer token; sign-out revokes it. */
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

    private static final String BEARER = "Bearer ";

    private final AuthenticationManager authentication;
    private final AccessTokens tokens;

    AuthController(AuthenticationManager authentication, AccessTokens tokens) {
        this.authentication = authentication;
        this.tokens = tokens;
    }

    @PostMapping("/token")
    AccessTokens.Issued token(@Valid @RequestBody Credentials credentials) {
        var user = (GridUser) authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                credentials.username(), credentials.password())).getPrincipal();
        return tokens.issue(user.username());
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
}
