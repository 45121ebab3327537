package city.gridwhistle.api.shared;

/** The limits of each step of the loop: register and dispatch, accept, handle, verify. */
public record TimeLimits(TimeLimit dispatch, TimeLimit accept, TimeLimit handle, TimeLimit verify) {
}
