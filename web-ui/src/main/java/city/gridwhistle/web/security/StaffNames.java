package city.gridwhistle.web.security;

import city.gridwhistle.api.audit.CaseHistory;
import city.gridwhistle.api.category.CategoryChanges;
import city.gridwhistle.api.shared.Role;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Names staff by their account when a record is shown. Events name who acted by their domain id only (decision
 * 0046); a grid worker's, supervisor's or administrator's account name is looked up from the {@code account} table
 * at read time. Riders and partners are never named: a rider's account name may be their phone number.
 */
@Component
public class StaffNames {

    private static final Set<Role> STAFF = EnumSet.of(Role.GRID_WORKER, Role.SUPERVISOR, Role.ADMIN);

    private final JdbcTemplate jdbc;

    StaffNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The history with each staff member who acted named by their account. */
    public CaseHistory named(CaseHistory history) {
        BiFunction<String, String, String> names = lookup();
        return new CaseHistory(history.caseId(), history.entries().stream()
                .map(entry -> entry.withUsername(names.apply(entry.role(), entry.userId()))).toList());
    }

    /** The changes with each staff member named by their account; a change recorded before names them already. */
    public CategoryChanges named(CategoryChanges changes) {
        BiFunction<String, String, String> names = lookup();
        return new CategoryChanges(changes.changes().stream().map(change -> change.username() != null ? change
                : change.withUsername(names.apply(change.role(), change.userId()))).toList());
    }

    /**
     * A look-up for one record: the account name of a staff member by role and domain id, null for anyone else or
     * an account that no longer exists; each person is looked up once.
     */
    private BiFunction<String, String, String> lookup() {
        Map<String, String> known = new HashMap<>();
        return (role, userId) -> known.computeIfAbsent(role + "/" + userId, key -> nameOf(role, userId));
    }

    private String nameOf(String role, String userId) {
        if (userId == null || STAFF.stream().noneMatch(staff -> staff.name().equals(role))) {
            return null;
        }
        return jdbc.queryForList("select username from account where role = ? and subject_id = ?", String.class,
                role, userId).stream().findFirst().orElse(null);
    }
}
