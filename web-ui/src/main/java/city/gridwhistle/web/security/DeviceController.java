package city.gridwhistle.web.security;

import city.gridwhistle.api.shared.Role;
import city.gridwhistle.web.problem.InvalidParameterException;
import city.gridwhistle.web.problem.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A rider's device stays signed in: it signs in once with the password and a name for itself, then buys bearer
 * tokens with its refresh token, which is replaced at each use. The rider lists and revokes their devices here.
 */
@RestController
@RequestMapping("/api/auth/devices")
class DeviceController {

    record DeviceSignIn(@NotBlank @Size(max = 200) String username, @NotBlank @Size(max = 200) String password,
                        @NotBlank @Size(max = 100) String deviceName) {

        @Override
        public String toString() {
            return "DeviceSignIn[" + username + "]";
        }
    }

    record Refresh(@NotBlank @Size(max = 200) String refreshToken) {

        @Override
        public String toString() {
            return "Refresh";
        }
    }

    private final AuthenticationManager authentication;
    private final DeviceSessions devices;

    DeviceController(AuthenticationManager authentication, DeviceSessions devices) {
        this.authentication = authentication;
        this.devices = devices;
    }

    /** Signs a rider's device in; the refresh token is shown in this answer only. */
    @PostMapping
    ResponseEntity<DeviceSessions.Issued> signIn(@Valid @RequestBody DeviceSignIn signIn, HttpServletRequest request) {
        Authentication signedIn = AuthController.signIn(authentication, signIn.username(), signIn.password(),
                request);
        var user = (GridUser) signedIn.getPrincipal();
        if (user.role() != Role.RIDER) {
            throw new InvalidParameterException("username", "only riders' devices stay signed in; staff sign in "
                    + "for a working day (POST /api/auth/token)");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(devices.start(user.username(), ((SignedIn) signedIn.getDetails()).accessVersion(),
                        signIn.deviceName().strip()));
    }

    /** A new bearer token and refresh token; the refresh token given counts no more. */
    @PostMapping("/refresh")
    ResponseEntity<DeviceSessions.Issued> refresh(@Valid @RequestBody Refresh refresh) {
        return devices.refresh(refresh.refreshToken().strip())
                .map(issued -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(issued))
                .orElseThrow(() -> new org.springframework.security.authentication.BadCredentialsException(
                        "the refresh token is unknown, expired or revoked"));
    }

    /** The caller's devices that stay signed in; never a secret. */
    @GetMapping
    List<DeviceSessions.Listed> mine(@AuthenticationPrincipal GridUser user) {
        return devices.listOf(user.username());
    }

    /** Signs one of the caller's devices out; another's, or none, answers 404 alike. */
    @DeleteMapping("/{deviceId}")
    ResponseEntity<Void> revoke(@PathVariable String deviceId, @AuthenticationPrincipal GridUser user) {
        if (!devices.revoke(user.username(), deviceId)) {
            throw new NotFoundException("you have no such device");
        }
        return ResponseEntity.noContent().build();
    }
}
