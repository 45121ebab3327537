package city.gridwhistle.api.casework;

/**
 * How much of a case a reader may see, from nothing to everything; decided by {@link CaseVisibility}, the one rule
 * for every read and every action (docs/security.md). Ordered: each level sees at least what the one before sees.
 */
public enum CaseSight {
    /** Nothing, not even that the case exists: every path answers as for a case that does not exist. */
    NONE,
    /**
     * A rider or partner with no part in a case on the public record (every case but a voided one): what the
     * public record shows, and they may follow it.
     */
    PUBLIC,
    /** Follows it: the public view (what, where, how far it got), never who handles it, notes or photos. */
    FOLLOWER,
    /** Reported or corroborated it (a rider, or the partner that filed it): the public view and its photos. */
    REPORTER,
    /** Handles or supervises it (its grid worker, a supervisor of its district, an administrator): every field. */
    HANDLER;

    public boolean atLeast(CaseSight other) {
        return compareTo(other) >= 0;
    }
}
