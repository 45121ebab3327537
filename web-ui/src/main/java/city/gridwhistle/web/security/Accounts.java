package city.gridwhistle.web.security;

import city.gridwhistle.api.shared.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code account} table. */
@Component
public class Accounts {

    private static final String ERASED = "erased";
    /** Not a hash of any password: nothing signs in with it. */
    private static final String NO_PASSWORD = "!";
    private static final int MAX_USERNAME = 64;
    private static final String COLUMNS = "username, password_hash, role, subject_id, display_name, district_code,"
            + " enabled, access_version, must_change_password";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public Accounts(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Account> find(String username) {
        return jdbc.query("""
                select %s from account where username = ?""".formatted(COLUMNS), Accounts::account, username)
                .stream().findFirst();
    }

    public List<Account> all() {
        return jdbc.query("""
                select %s from account order by role, username""".formatted(COLUMNS), Accounts::account);
    }

    /** Creates the account; false when the username or the (role, subject) is taken. */
    public boolean create(String username, String passwordHash, Role role, String subjectId, String displayName,
                          String districtCode) {
        return jdbc.update("""
                insert into account (username, password_hash, role, subject_id, display_name, district_code)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                username, passwordHash, role.name(), subjectId, displayName, districtCode) == 1;
    }

    public boolean setEnabled(String username, boolean enabled) {
        return jdbc.update("update account set enabled = ? where username = ?", enabled, username) == 1;
    }

    /** The account names of the person acting as this role and subject: at most one. */
    public List<String> usernamesOf(Role role, String subjectId) {
        return jdbc.queryForList("select username from account where role = ? and subject_id = ?", String.class,
                role.name(), subjectId);
    }

    /**
     * The account of an erased person keeps its row (role and subject, so no other account takes them) but nothing
     * of them: disabled, no password, its account name and display name replaced by a placeholder that no account
     * created through the API can have (it holds a colon). Its tokens must be gone first.
     */
    public void erase(String username, String subjectId) {
        jdbc.update("update account set username = ?, display_name = ?, password_hash = ?, enabled = false,"
                + " must_change_password = false where username = ?",
                erasedName(subjectId), ERASED, NO_PASSWORD, username);
    }

    /** The account name an erased person's account takes. */
    public static String erasedName(String subjectId) {
        String name = ERASED + ":" + subjectId;
        return name.length() > MAX_USERNAME ? name.substring(0, MAX_USERNAME) : name;
    }

    /** Whether an enabled account of the role exists: one that can sign in. */
    public boolean anyEnabledWithRole(Role role) {
        Integer count = jdbc.queryForObject("select count(*) from account where role = ? and enabled", Integer.class,
                role.name());
        return count != null && count > 0;
    }

    /**
     * Gives the account a new password hash, which ends its sessions and tokens (the access version moves on).
     *
     * @param mustChange whether the owner must choose another before doing anything else (a reset)
     * @return the account's new access version; empty when there is no such account, or it is erased
     */
    public java.util.OptionalLong setPassword(String username, String passwordHash, boolean mustChange) {
        return jdbc.queryForList("""
                update account set password_hash = ?, must_change_password = ?
                 where username = ? and username not like 'erased:%'
                returning access_version""", Long.class, passwordHash, mustChange, username)
                .stream().mapToLong(Long::longValue).findFirst();
    }

    static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getString("username"), rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
                rs.getString("subject_id"), rs.getString("display_name"), rs.getString("district_code"),
                rs.getBoolean("enabled"), rs.getLong("access_version"), rs.getBoolean("must_change_password"));
    }

    Instant now() {
        return clock.instant();
    }
}
