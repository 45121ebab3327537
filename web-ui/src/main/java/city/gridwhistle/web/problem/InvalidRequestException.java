package city.gridwhistle.web.problem;

import java.util.List;

/**
 * A request body that cannot be carried out as sent, with every field at fault (a grid file with several bad
 * cells names each of them); answered 400 {@code invalid-request}, nothing changed.
 */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(String.join("; ", errors.stream().map(e -> e.field() + ": " + e.reason()).toList()));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
