package city.gridwhistle.api.casework;

/** The timed steps of the loop, each with its category limit: register+dispatch, accept, handle, verify. */
public enum DeadlineStep {
    DISPATCH,
    ACCEPT,
    HANDLE,
    VERIFY
}
