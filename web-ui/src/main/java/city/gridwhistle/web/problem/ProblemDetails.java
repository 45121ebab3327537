package city.gridwhistle.web.problem;

import city.gridwhistle.api.casework.IllegalTransitionException;
import city.gridwhistle.api.shared.CommandRejectedException;
import city.gridwhistle.api.shared.NoSuchRecordException;
import city.gridwhistle.api.shared.NotPermittedException;
import city.gridwhistle.web.outage.Backend;
import city.gridwhistle.web.outage.BackendUnavailableException;
import city.gridwhistle.web.outage.DatabaseAvailability;
import city.gridwhistle.web.limits.BodyLimitFilter;
import city.gridwhistle.web.limits.BodyTooLargeException;
import city.gridwhistle.web.live.StreamRefusedException;
import city.gridwhistle.web.outage.OutageFilter;
import city.gridwhistle.web.outage.Outages;
import city.gridwhistle.web.photos.PhotoRejectedException;
import city.gridwhistle.web.reports.RateLimitedException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into an RFC 9457 problem detail: a stable {@code type} per kind of error, a readable
 * {@code detail}, and {@code errors} listing each field at fault. Internals (stack traces, SQL) never leave.
 */
@RestControllerAdvice
class ProblemDetails extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetails.class);
    static final String TYPE_BASE = Problems.TYPE_BASE;

    private final DatabaseAvailability database;

    ProblemDetails(DatabaseAvailability database) {
        this.database = database;
    }

    @ExceptionHandler(CommandRejectedException.class)
    ProblemDetail rejected(CommandRejectedException e) {
        HttpStatus status = switch (e.reason()) {
            case INVALID_FIELD -> HttpStatus.BAD_REQUEST;
            case UNKNOWN_CATEGORY, OUTSIDE_GRID, UNKNOWN_WORKER, UNKNOWN_CELL -> HttpStatus.UNPROCESSABLE_ENTITY;
            case PERSONAL_DATA_ERASED -> HttpStatus.CONFLICT;
        };
        return problem(status, slug(e.reason().name()), e.getMessage(), List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ProblemDetail illegalTransition(IllegalTransitionException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "illegal-transition", e.getMessage(), List.of());
        problem.setProperty("currentStatus", e.current());
        problem.setProperty("attemptedAction", e.attempted());
        problem.setProperty("allowedActions", e.allowed());
        return problem;
    }

    @ExceptionHandler(NotPermittedException.class)
    ProblemDetail notPermitted(NotPermittedException e) {
        ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "not-permitted", e.getMessage(), List.of());
        problem.setProperty("attemptedAction", e.action());
        return problem;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "no such case", List.of());
    }

    /** A case (or worker, or ledger) the caller may not see answers exactly as one that does not exist. */
    @ExceptionHandler(NoSuchRecordException.class)
    ProblemDetail notFound(NoSuchRecordException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage(), List.of());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage(), List.of());
    }

    /** A multipart body that cannot be parsed (a boundary that is not there, a part cut short): the client's fault. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ProblemDetail unreadableMultipart(org.springframework.web.multipart.MultipartException e) {
        String reason = "the multipart body cannot be read: check the boundary and the parts";
        return problem(HttpStatus.BAD_REQUEST, "unreadable-request", reason, List.of(new FieldError("body", reason)));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrent(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-change",
                "the case changed at the same moment; read it again and retry", List.of());
    }

    /** An {@code If-Match} naming a version the case has moved past (or never had): nothing was recorded. */
    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ProblemDetail versionMismatch(ConflictingAggregateVersionException e) {
        ProblemDetail problem = problem(HttpStatus.PRECONDITION_FAILED, "version-mismatch",
                "the case is at version " + e.getActualVersion() + ", not " + e.getExpectedVersion()
                        + "; read it again and decide on its current state", List.of());
        problem.setProperty("currentVersion", e.getActualVersion());
        problem.setProperty("expectedVersion", e.getExpectedVersion());
        return problem;
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e) {
        return switch (e.getCause()) {
            case CommandRejectedException rejected -> status(rejected(rejected));
            case IllegalTransitionException illegal -> status(illegalTransition(illegal));
            case NotPermittedException refused -> status(notPermitted(refused));
            case NoSuchRecordException hidden -> status(notFound(hidden));
            case ConflictingAggregateVersionException stale -> status(versionMismatch(stale));
            case null, default -> unexpected(e);
        };
    }

    private static ResponseEntity<ProblemDetail> status(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** Too big in bytes or in pixels is 413 (send a smaller photo); metadata the store cannot remove is 422. */
    @ExceptionHandler(PhotoRejectedException.class)
    ProblemDetail photo(PhotoRejectedException e) {
        HttpStatus status = switch (e.problem()) {
            case TOO_LARGE, TOO_MANY_PIXELS -> HttpStatus.PAYLOAD_TOO_LARGE;
            case METADATA_NOT_REMOVABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case EMPTY, NOT_AN_IMAGE, TOO_MANY, MALFORMED -> HttpStatus.BAD_REQUEST;
        };
        return problem(status, "photo-" + slug(e.problem().name()), e.getMessage(),
                List.of(new FieldError("photo", e.getMessage())));
    }

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail parameter(InvalidParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", e.getMessage(),
                List.of(new FieldError(e.parameter(), e.getMessage())));
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalidRequest(InvalidRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", summary(e.errors()), e.errors());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail parameterType(MethodArgumentTypeMismatchException e) {
        String reason = "cannot read '" + e.getValue() + "'";
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", reason, List.of(new FieldError(e.getName(), reason)));
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", e.getMessage(), List.of()));
    }

    /** One live stream too many: 429 for the account's own, 503 when this instance is full (decision 0051). */
    @ExceptionHandler(StreamRefusedException.class)
    ResponseEntity<ProblemDetail> streamRefused(StreamRefusedException e) {
        HttpStatus status = e.overall() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.TOO_MANY_REQUESTS;
        return ResponseEntity.status(status)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(problem(status, e.overall() ? "streams-full" : "too-many-streams", e.getMessage(), List.of()));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> authentication(AuthenticationException e) {
        // one answer whatever the reason: which names exist, or are disabled, is nobody's business (decision 0048)
        String type = "invalid-credentials";
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"gridwhistle\"")
                .body(problem(HttpStatus.UNAUTHORIZED, type, e.getMessage(), List.of()));
    }

    /** A backend is down: 503 with {@code Retry-After}, so that clients retry rather than give up (decision 0018). */
    @ExceptionHandler(BackendUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(BackendUnavailableException e) {
        return unavailable(e.backend(), e);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        Optional<Backend> outage = Outages.causeOf(e);
        if (outage.isPresent()) {
            return unavailable(outage.get(), e);
        }
        log.error("Unexpected failure", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "the request could not be completed", List.of()));
    }

    private ResponseEntity<ProblemDetail> unavailable(Backend backend, Exception e) {
        if (backend == Backend.DATABASE) {
            database.failed(e);
        }
        log.warn("{} unavailable: {}", backend, e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(database.retryAfter().toSeconds()))
                .body(OutageFilter.problem(backend));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-request", summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldError> errors = e.getAllErrors().stream()
                .map(error -> new FieldError(error instanceof org.springframework.validation.FieldError f
                        ? f.getField() : "request", error.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-request", summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        var tooLarge = BodyTooLargeException.in(e);
        if (tooLarge.isPresent()) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(BodyLimitFilter.problem(tooLarge.get()));
        }
        FieldError error = UnreadableBody.errorOf(e.getCause());
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "unreadable-request",
                summary(List.of(error)), List.of(error)));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        String reason = "the upload is larger than the server accepts";
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem(HttpStatus.PAYLOAD_TOO_LARGE,
                "photo-too-large", reason, List.of(new FieldError("photo", reason))));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
                                                          HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail detail && detail.getType().equals(URI.create("about:blank"))) {
            detail.setType(URI.create(TYPE_BASE + "http-" + statusCode.value()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String detail, List<FieldError> errors) {
        ProblemDetail problem = Problems.of(status, type, detail);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    private static String summary(List<FieldError> errors) {
        return errors.stream().map(f -> f.field() + ": " + f.reason()).collect(Collectors.joining("; "));
    }

    private static String slug(String enumName) {
        return enumName.toLowerCase().replace('_', '-');
    }
}
