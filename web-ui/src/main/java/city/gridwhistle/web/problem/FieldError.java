package city.gridwhistle.web.problem;

/** One field at fault in a request, and why. */
public record FieldError(String field, String reason) {
}
