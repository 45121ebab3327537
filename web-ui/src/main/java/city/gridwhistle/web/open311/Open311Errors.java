package city.gridwhistle.web.open311;

import city.gridwhistle.web.problem.InvalidParameterException;
import city.gridwhistle.web.reports.RateLimitedException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the Open311 endpoints in the specification's format ({@code [{"code":400,"description":"…"}]},
 * {@code <errors><error>…}) rather than as problem details: Open311 clients parse only that.
 */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class Open311Errors {

    private static final Logger log = LoggerFactory.getLogger(Open311Errors.class);

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<String> refused(Open311Exception e, HttpServletRequest request) {
        return error(request, e.status(), e.getMessage());
    }

    /** Over an address's limit: 429 with the seconds to wait, in the specification's format. */
    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<String> tooMany(RateLimitedException e, HttpServletRequest request) {
        ResponseEntity<String> refused = error(request, HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        return ResponseEntity.status(refused.getStatusCode()).headers(refused.getHeaders())
                .header(org.springframework.http.HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(refused.getBody());
    }

    /** A parameter refused before the handler ran (text that is not text, an id too long): 400, naming it. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<String> invalid(InvalidParameterException e, HttpServletRequest request) {
        return error(request, HttpStatus.BAD_REQUEST, e.parameter() + ": " + e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e, HttpServletRequest request) {
        var outage = city.gridwhistle.web.outage.Outages.causeOf(e);
        if (outage.isPresent()) {
            log.warn("Open311 request met an outage of {}: {}", outage.get(), e.toString());
            ResponseEntity<String> unavailable = error(request, HttpStatus.SERVICE_UNAVAILABLE, outage.get().detail());
            return ResponseEntity.status(unavailable.getStatusCode()).headers(unavailable.getHeaders())
                    .header(org.springframework.http.HttpHeaders.RETRY_AFTER, "15").body(unavailable.getBody());
        }
        log.error("Open311 request failed", e);
        return error(request, HttpStatus.INTERNAL_SERVER_ERROR, "the request could not be completed");
    }

    /** An error in the format the request's path asks for ({@code .xml} or JSON); also used by filters before MVC. */
    public static ResponseEntity<String> error(HttpServletRequest request, HttpStatus status, String description) {
        return error(request.getRequestURI(), status, description);
    }

    /** The same, for the request's path alone (Tomcat's and the firewall's refusals, before any request object). */
    public static ResponseEntity<String> error(String path, HttpStatus status, String description) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status.value());
        error.put("description", description);
        return Open311Format.ofPath(path).respond(status, "errors", List.of(error));
    }
}
