package city.gridwhistle.web.outage;

/** The servers the application cannot work without, each able to fail on its own. */
public enum Backend {
    /** PostgreSQL: the event store, tokens, accounts, lookup tables. Every write needs it. */
    DATABASE("database-unavailable", "the database is unavailable; nothing was recorded, try again shortly"),
    /** Elasticsearch: case search, dashboards, the station directory. Writes do not need it. */
    SEARCH("search-unavailable", "search is unavailable; try again shortly (reports can still be filed)");

    private final String problemType;
    private final String detail;

    Backend(String problemType, String detail) {
        this.problemType = problemType;
        this.detail = detail;
    }

    /** The stable slug of the problem type answered while this backend is down. */
    public String problemType() {
        return problemType;
    }

    public String detail() {
        return detail;
    }
}
