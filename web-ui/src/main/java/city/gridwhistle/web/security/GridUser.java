package city.gridwhistle.web.security;

import city.gridwhistle.api.shared.Actor;
import city.gridwhistle.api.shared.Role;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated caller: the account (or API key), the domain identity it acts as, and the channel it came by.
 *
 * @param channel WEB (signed-in pages), APP (bearer token), API (partner key)
 */
public record GridUser(String username, Role role, String subjectId, String unit, String channel) {

    public Actor actor() {
        return new Actor(subjectId, role, unit);
    }

    public List<GrantedAuthority> authorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }
}
