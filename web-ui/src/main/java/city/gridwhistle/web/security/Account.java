package city.gridwhistle.web.security;

import city.gridwhistle.api.shared.Role;

/**
 * A row of the {@code account} table.
 *
 * @param accessVersion      moves on with every change that ends the account's sessions and tokens (V50)
 * @param mustChangePassword set by an administrator's reset: the owner may do nothing but choose a password
 */
public record Account(String username, String passwordHash, Role role, String subjectId, String displayName,
                      String districtCode, boolean enabled, long accessVersion, boolean mustChangePassword) {

    public GridUser user(String channel) {
        return new GridUser(username, role, subjectId, districtCode, channel);
    }

    @Override
    public String toString() {
        return "Account[" + username + ", " + role + "]";
    }
}
