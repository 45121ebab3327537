package city.gridwhistle.web.security;

import city.gridwhistle.api.shared.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code account} table, with the lock-out bookkeeping. */
@Component
public class Accounts {

    private static final String ERASED = "erased";
    /** Not a hash of any password: nothing signs in with it. */
    private static final String NO_PASSWORD = "!";
    private static final int MAX_USERNAME = 64;

    private final JdbcTemplate jdbc;
    private final SecuritySettings settings;
    private final Clock clock;

    public Accounts(JdbcTemplate jdbc, SecuritySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    public Optional<Account> find(String username) {
        return jdbc.query("""
                select username, password_hash, role, subject_id, display_name, district_code, enabled,
                       failed_attempts, locked_until
                  from account where username = ?""", Accounts::account, username).stream().findFirst();
    }

    public List<Account> all() {
        return jdbc.query("""
                select username, password_hash, role, subject_id, display_name, district_code, enabled,
                       failed_attempts, locked_until
                  from account order by role, username""", Accounts::account);
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
                + " failed_attempts = 0, locked_until = null where username = ?",
                erasedName(subjectId), ERASED, NO_PASSWORD, username);
    }

    /** The account name an erased person's account takes. */
    public static String erasedName(String subjectId) {
        String name = ERASED + ":" + subjectId;
        return name.length() > MAX_USERNAME ? name.substring(0, MAX_USERNAME) : name;
    }

    public boolean anyWithRole(Role role) {
        Integer count = jdbc.queryForObject("select count(*) from account where role = ?", Integer.class, role.name());
        return count != null && count > 0;
    }

    /** A wrong password: after {@code maxFailedLogins} in a row the account locks for {@code lockout}. */
    public void recordFailure(String username) {
        // a lock that has run out starts the count afresh, so one more mistake does not lock again at once
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                update account
                   set failed_attempts = case when locked_until is not null and locked_until <= ? then 1
                                              else failed_attempts + 1 end,
                       locked_until = case when locked_until is not null and locked_until <= ? then null
                                           when failed_attempts + 1 >= ? then ? else locked_until end
                 where username = ?""",
                now, now, settings.maxFailedLogins(), Timestamp.from(clock.instant().plus(settings.lockout())), username);
    }

    public void recordSuccess(String username) {
        jdbc.update("update account set failed_attempts = 0, locked_until = null where username = ?", username);
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        Timestamp locked = rs.getTimestamp(9);
        return new Account(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getInt(8),
                locked == null ? null : locked.toInstant());
    }

    Instant now() {
        return clock.instant();
    }
}
