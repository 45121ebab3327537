package city.gridwhistle.web.open311;

import org.springframework.http.HttpStatus;

/** A request Open311 refuses, answered in the specification's error format with the same code as the status. */
class Open311Exception extends RuntimeException {

    private final HttpStatus status;

    Open311Exception(HttpStatus status, String description) {
        super(description);
        this.status = status;
    }

    static Open311Exception badRequest(String description) {
        return new Open311Exception(HttpStatus.BAD_REQUEST, description);
    }

    static Open311Exception forbidden(String description) {
        return new Open311Exception(HttpStatus.FORBIDDEN, description);
    }

    static Open311Exception notFound(String description) {
        return new Open311Exception(HttpStatus.NOT_FOUND, description);
    }

    HttpStatus status() {
        return status;
    }
}
