package city.gridwhistle.api.shared;

/**
 * The person (or system) on whose behalf a command is sent or a query asked.
 *
 * @param id   the domain identity: a rider id, a grid worker id, a staff or partner id
 * @param unit the district (6-digit county code) a supervisor answers for; null when not limited to one
 */
public record Actor(String id, Role role, String unit) {

    public static final Actor SYSTEM = new Actor("system", Role.SYSTEM, null);

    public Actor(String id, Role role) {
        this(id, role, null);
    }

    public boolean is(Role expected) {
        return role == expected;
    }

    /** Whether a supervisor's (or anyone's) unit covers the district; everyone without a unit covers all. */
    public boolean covers(String districtCode) {
        return unit == null || unit.equals(districtCode);
    }
}
