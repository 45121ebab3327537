package city.gridwhistle.api.shared;

/** The person (or the system) on whose behalf a command is sent. */
public record Actor(String id, Role role) {

    public static final Actor SYSTEM = new Actor("system", Role.SYSTEM);

    public boolean is(Role expected) {
        return role == expected;
    }
}
