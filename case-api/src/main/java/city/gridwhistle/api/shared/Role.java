package city.gridwhistle.api.shared;

/** Who is acting: the roles of DOMAIN.md, and the system itself (deadlines, policies). */
public enum Role {
    RIDER,
    GRID_WORKER,
    SUPERVISOR,
    ADMIN,
    /** A partner system (delivery platform, Open311 client) calling with an API key. */
    PARTNER,
    SYSTEM
}
