package city.gridwhistle.web.problem;

/** Nothing by that id, or nothing the caller may see: answered 404 as a problem detail, like every other error. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
