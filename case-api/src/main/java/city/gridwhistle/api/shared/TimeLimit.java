package city.gridwhistle.api.shared;

/** One time limit of a category, e.g. 2 {@link LimitUnit#URGENT_HOURS} to handle a missing manhole cover. */
public record TimeLimit(int amount, LimitUnit unit) {
}
