package city.gridwhistle.web.security;

import city.gridwhistle.web.problem.FieldError;
import city.gridwhistle.web.problem.Problems;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The refusals of signing in and of passwords, as problem details. Every failed sign-in is one answer, 401
 * {@code invalid-credentials} with the same detail, whatever the reason (an unknown name, a wrong password, a
 * disabled account); a throttled one is 429 {@code sign-in-throttled} with {@code Retry-After}, the same for a
 * real name and an invented one. Ahead of the application's general handlers, for these controllers only.
 */
@RestControllerAdvice(assignableTypes = {AuthController.class, AdminController.class, DeviceController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccountProblems {

    @ExceptionHandler(SignInThrottledException.class)
    ResponseEntity<ProblemDetail> throttled(SignInThrottledException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "sign-in-throttled", SignInThrottledException.DETAIL));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> refused(AuthenticationException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"gridwhistle\"")
                .body(Problems.of(HttpStatus.UNAUTHORIZED, "invalid-credentials", PasswordAuthentication.REFUSED));
    }

    @ExceptionHandler(WrongPasswordException.class)
    ProblemDetail wrongPassword(WrongPasswordException e) {
        return withField(Problems.of(HttpStatus.BAD_REQUEST, "wrong-password", e.getMessage()), "currentPassword",
                e.getMessage());
    }

    @ExceptionHandler(PasswordRejectedException.class)
    ProblemDetail rejected(PasswordRejectedException e) {
        ProblemDetail problem = withField(Problems.of(HttpStatus.BAD_REQUEST, "password-rejected", e.getMessage()),
                e.field(), e.getMessage());
        problem.setProperty("rule", e.rule());
        return problem;
    }

    private static ProblemDetail withField(ProblemDetail problem, String field, String reason) {
        problem.setProperty("errors", List.of(new FieldError(field, reason)));
        return problem;
    }
}
